import { and, desc, eq } from 'drizzle-orm';
import { canTransition, type ReportView, WORKING_DAYS } from '../../../contract';
import type { Db, Tx } from '../db/client';
import type { Report } from '../db/schema';
import { DomainError } from '../errors';
import { markForMonitor } from '../monitor/projector';
import { enqueueAction } from '../outbox/queue';
import type { Keyring } from '../privacy/keyring';
import { sealNote } from '../privacy/sealed-notes';
import { localDate, type WorkingCalendar } from '../workflow/calendar';
import { timeZoneOf } from '../workflow/deadlines';
import { type Access, asReporter } from './access';
import { eventsOf, reportRow } from './read';
import { reportView, type ViewDeps } from './views';

export type ReporterAction =
  | { kind: 'comment'; text: string }
  | { kind: 'reopen'; reason: string }
  | { kind: 'rating'; score: number; remark?: string };

/**
 * What a reporter holding the receipt may do: add a comment or more
 * information; reopen a report they are not satisfied with, while a
 * follow-up stands or within 10 working days of its closure; rate the
 * follow-up once. Each is a timeline event, and is passed on through the
 * outbox, in the same transaction, to wherever the report itself went.
 */
export async function actOnReport(
  db: Db | Tx,
  report: Report,
  action: ReporterAction,
  { keyring, calendar, timeZone, now }: { keyring: Keyring; calendar: WorkingCalendar; timeZone: string; now: Date },
): Promise<void> {
  const { deliveries, reportEvents, reports } = db.$tables;
  const events = await eventsOf(db, report.id);
  if (action.kind === 'reopen') checkReopen(report, events, calendar, timeZone, now);
  if (action.kind === 'rating') checkRating(report, events);
  if (action.kind === 'comment' && report.status === 'archived') {
    throw new DomainError('invalid_transition', 'An archived report takes no more comments');
  }

  const base = { reportId: report.id, at: now, actor: 'reporter' as const };
  const note = (text: string | undefined) => sealNote(keyring, report, text);
  const event: typeof reportEvents.$inferInsert =
    action.kind === 'comment'
      ? { ...base, type: 'message', note: note(action.text) }
      : action.kind === 'reopen'
        ? { ...base, type: 'status', status: 'reopened', note: note(action.reason) }
        : { ...base, type: 'rating', rating: action.score, note: note(action.remark) };

  await db.transaction(async (tx) => {
    const [recorded] = await tx.insert(reportEvents).values(event).returning({ id: reportEvents.id });
    await tx
      .update(reports)
      .set({ updatedAt: now, ...(action.kind === 'reopen' && { status: 'reopened' as const }) })
      .where(eq(reports.id, report.id));
    await markForMonitor(tx, report.id);
    // The latest: a report an institution's desk passed to another institution went there too (desk/actions.ts).
    const [delivered] = await tx
      .select({ destination: deliveries.destination })
      .from(deliveries)
      .where(and(eq(deliveries.reportId, report.id), eq(deliveries.kind, 'report')))
      .orderBy(desc(deliveries.id))
      .limit(1);
    if (delivered && recorded) {
      await enqueueAction(tx, report.id, delivered.destination, action.kind, recorded.id, now);
    }
  });
}

function checkReopen(
  report: Report,
  events: readonly { type: string; status: string | null; at: Date }[],
  calendar: WorkingCalendar,
  timeZone: string,
  now: Date,
) {
  if (!canTransition(report.status, 'reopened')) {
    throw new DomainError('invalid_transition', `A report that is ${report.status} cannot be reopened`);
  }
  if (report.status !== 'finished') return;
  const finished = events.findLast((e) => e.type === 'status' && e.status === 'finished');
  const closed = localDate(finished?.at ?? report.updatedAt, timeZone);
  if (calendar.workingDaysBetween(closed, localDate(now, timeZone)) > WORKING_DAYS.reopenWindow) {
    throw new DomainError(
      'reopen_window_closed',
      `A report can be reopened within ${WORKING_DAYS.reopenWindow} working days of its closure`,
    );
  }
}

/**
 * A follow-up is rated while it stands (followed up, or finished after it): a
 * reporter who reopened the report was not satisfied and waits for the next
 * follow-up, which is the one to rate. Once per report.
 */
function checkRating(report: Report, events: readonly { type: string; status: string | null }[]) {
  if (report.status === 'archived') throw new DomainError('invalid_transition', 'An archived report cannot be rated');
  const followedUp = events.some((e) => e.type === 'status' && e.status === 'followed_up');
  if (!followedUp || (report.status !== 'followed_up' && report.status !== 'finished')) {
    throw new DomainError(
      'not_yet_followed_up',
      'A follow-up can be rated once there is one, and not while a reopened report waits for the next',
    );
  }
  if (events.some((e) => e.type === 'rating')) throw new DomainError('already_rated', 'This report was already rated');
}

/**
 * A reporter's action through the API: only with the receipt; applied, then
 * answered with the reporter's view of the report as it now stands.
 */
export async function actAsReporter(
  deps: ViewDeps,
  access: Access,
  action: ReporterAction,
  now: Date,
): Promise<ReportView> {
  const report = asReporter(access);
  const timeZone = timeZoneOf(deps.directory, report.institutionId);
  await actOnReport(deps.db, report, action, { keyring: deps.keyring, calendar: deps.calendar, timeZone, now });
  const updated = await reportRow(deps.db, report.id);
  return reportView(deps, updated ?? report, 'reporter', now);
}
