import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { CLOSED_STATUSES, maskIdentity } from '../../../contract';
import type { Db } from '../db/client';
import type { Delivery } from '../db/schema';
import type { Directory } from '../directory/directory';
import type { OutgoingReminder } from '../outbox/destination';
import { enqueueReminder } from '../outbox/queue';
import type { Routing } from '../outbox/routing';
import type { Keyring } from '../privacy/keyring';
import { openReport } from '../privacy/sealed-report';
import { contactOf, eventsOf, reportRow } from '../reports/read';
import type { WorkingCalendar } from '../workflow/calendar';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';

/** A desk is reminded when a deadline is this many working days away or fewer (the day before, and the day). */
export const REMIND_WITHIN_WORKING_DAYS = 1;

export interface ReminderDeps {
  db: Db;
  directory: Directory;
  calendar: WorkingCalendar;
  routing: Routing;
}

/**
 * Reminds institutions' own desks (destinations that take reminders: the
 * email desk) of the deadlines the workflow holds them to: verifying and
 * forwarding, the first response, resolution. Run hourly; each report's
 * deadline on its day is reminded once (desk_reminders), queued through the
 * outbox to the desk the report went to. The automatic closure is the
 * reporter's deadline, not the desk's, and is not reminded.
 */
export async function queueDeskReminders(deps: ReminderDeps, now: Date): Promise<number> {
  const { db, directory, calendar, routing } = deps;
  const desks = routing.remindable();
  if (!desks.length) return 0;
  const { deliveries, reports, deskReminders } = db.$tables;
  const open = await db
    .select({ report: reports, destination: deliveries.destination })
    .from(deliveries)
    .innerJoin(reports, eq(reports.id, deliveries.reportId))
    .where(
      and(
        inArray(deliveries.destination, desks),
        // A literal, as the partial index deliveries_destination_idx is written: SQLite does not match a bound value to it.
        sql`${deliveries.kind} = 'report'`,
        eq(deliveries.state, 'delivered'),
        notInArray(reports.status, [...CLOSED_STATUSES]),
      ),
    );
  let queued = 0;
  for (const { report, destination } of open) {
    const events = await eventsOf(db, report.id);
    const { deadline, resolution } = deadlinesOf(
      report,
      events,
      calendar,
      timeZoneOf(directory, report.institutionId),
      now,
    );
    const due = [deadline, resolution].filter(
      (d) => d && d.kind !== 'auto_close' && !d.overdue && d.workingDaysLeft <= REMIND_WITHIN_WORKING_DAYS,
    );
    if (!due.length) continue;
    await db.transaction(async (tx) => {
      let fresh = 0;
      for (const d of due) {
        if (!d) continue;
        const inserted = await tx
          .insert(deskReminders)
          .values({ reportId: report.id, kind: d.kind, due: d.due, queuedAt: now })
          .onConflictDoNothing()
          .returning({ due: deskReminders.due });
        fresh += inserted.length;
      }
      if (fresh) {
        await enqueueReminder(tx, report.id, destination, now);
        queued++;
      }
    });
  }
  return queued;
}

/** What a reminder delivery says: the deadlines queued with it, soonest first. */
export async function outgoingReminder(
  deps: { db: Db; keyring: Keyring },
  delivery: Pick<Delivery, 'reportId' | 'createdAt'>,
): Promise<OutgoingReminder | undefined> {
  const { db, keyring } = deps;
  const sealed = await reportRow(db, delivery.reportId);
  if (!sealed) return undefined;
  const { deskReminders } = db.$tables;
  const rows = await db
    .select()
    .from(deskReminders)
    .where(and(eq(deskReminders.reportId, delivery.reportId), eq(deskReminders.queuedAt, delivery.createdAt)));
  const report = openReport(keyring, sealed);
  return {
    trackingId: report.trackingId,
    // As the report's own email: an anonymous reporter who named themselves in the title stays unnamed.
    title: report.anonymous ? maskIdentity(report.title, contactOf(report)) : report.title,
    confidential: report.confidential,
    deadlines: rows
      .map((r) => ({ kind: r.kind as OutgoingReminder['deadlines'][number]['kind'], due: r.due }))
      .sort((a, b) => a.due.localeCompare(b.due)),
  };
}
