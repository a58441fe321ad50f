import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import type * as z from 'zod';
import { CLOSED_STATUSES, maskPersonalData } from '../../../contract';
import type { deliveryRowSchema, overdueReportSchema } from '../../../contract/responses';
import type { Db } from '../db/client';
import type { Delivery } from '../db/schema';
import { DomainError } from '../errors';
import type { Keyring } from '../privacy/keyring';
import { markDuplicate } from '../reports/duplicates';
import { eventsOf } from '../reports/read';
import { findReport, reportView, type ViewDeps } from '../reports/views';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';

/** What the hub's operator sees and does: the outbox, any report in full, and what is overdue. */

/** A delivery as the operator API answers it (its schema is the API's). */
export type DeliveryRow = z.output<typeof deliveryRowSchema>;

/** The outbox, newest first (the last 500), in one state or of one report (all of its deliveries) if asked. */
export async function listDeliveries(
  db: Db,
  only: { state?: Delivery['state']; reportId?: number } = {},
): Promise<DeliveryRow[]> {
  const { deliveries, reports } = db.$tables;
  const query = db
    .select({ delivery: deliveries, trackingId: reports.trackingId })
    .from(deliveries)
    .innerJoin(reports, eq(deliveries.reportId, reports.id))
    .where(
      and(
        only.state && eq(deliveries.state, only.state),
        only.reportId !== undefined ? eq(deliveries.reportId, only.reportId) : undefined,
      ),
    )
    .orderBy(desc(deliveries.id))
    .$dynamic();
  const rows = await (only.reportId === undefined ? query.limit(500) : query);
  return rows.map(({ delivery: d, trackingId }) => ({
    id: d.id,
    trackingId,
    kind: d.kind,
    destination: d.destination,
    state: d.state,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    // Rows stored before errors were masked on the way in are masked on the way out.
    lastError: d.lastError && maskPersonalData(d.lastError),
    externalRef: d.externalRef,
  }));
}

/** Sends a delivery again from the start: for one parked as needing attention once its cause is fixed. */
export async function retryDelivery(db: Db, id: number, now = new Date()): Promise<void> {
  const { deliveries } = db.$tables;
  const retried = await db
    .update(deliveries)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null })
    .where(eq(deliveries.id, id))
    .returning({ id: deliveries.id });
  if (!retried.length) throw new DomainError('not_found', `No delivery has the id ${id}`);
}

/** A report as the operator sees it: the reporter's full view, even of an anonymous reporter, with its deliveries. */
export async function operatorView(deps: ViewDeps, trackingId: string, now = new Date()) {
  const report = await findReport(deps.db, trackingId);
  if (!report) throw new DomainError('not_found', 'No report has this Tracking ID');
  // The reporter's view holds everything given, an anonymous reporter's contact included.
  return {
    ...(await reportView(deps, report, 'reporter', now)),
    channel: report.channel,
    channelSource: report.channelSource,
    deliveries: await listDeliveries(deps.db, { reportId: report.id }),
  };
}

/** Links a report to the earlier one it repeats, as the operator found (reports/duplicates.ts). */
export async function markDuplicateAsOperator(
  db: Db,
  keyring: Keyring,
  trackingId: string,
  original: string,
  now = new Date(),
): Promise<{ original: string; changed: boolean }> {
  const report = await findReport(db, trackingId);
  if (!report) throw new DomainError('not_found', 'No report has this Tracking ID');
  return markDuplicate(db, keyring, report, original, { actor: 'hub', at: now });
}

export type OverdueReport = z.output<typeof overdueReportSchema>;

/** Every open report with a deadline past, the longest overdue first. */
export async function overdueReports(
  { db, directory, calendar }: Pick<ViewDeps, 'db' | 'directory' | 'calendar'>,
  now = new Date(),
): Promise<OverdueReport[]> {
  const { reports } = db.$tables;
  const open = await db
    .select()
    .from(reports)
    .where(notInArray(reports.status, [...CLOSED_STATUSES]))
    .orderBy(asc(reports.id));
  const overdue: OverdueReport[] = [];
  for (const report of open) {
    const timeZone = timeZoneOf(directory, report.institutionId);
    const { deadline, resolution } = deadlinesOf(report, await eventsOf(db, report.id), calendar, timeZone, now);
    for (const d of [deadline, resolution]) {
      if (d?.overdue)
        overdue.push({
          trackingId: report.trackingId,
          institutionId: report.institutionId,
          status: report.status,
          deadline: d,
        });
    }
  }
  return overdue.sort((a, b) => a.deadline.workingDaysLeft - b.deadline.workingDaysLeft);
}
