import { eq } from 'drizzle-orm';
import { canTransition, type ReportStatus } from '../../../contract';
import type { Db } from '../db/client';
import { type Report, type ReportEvent, reportEvents, reports } from '../db/schema';
import { ApiError } from '../errors';
import { queueNotification } from '../notifications/queue';

type Actor = ReportEvent['actor'];
/** The database or a transaction on it: these functions join the caller's transaction when given one. */
type Executor = Pick<Db, 'transaction'>;

/**
 * Moves a report to a new status, recording the event the tracker shows.
 * A move the workflow does not allow (finished → forwarded, anything out of
 * archived) is refused and changes nothing.
 */
export function recordTransition(
  db: Executor,
  reportId: number,
  change: { to: ReportStatus; actor: Actor; note?: string; at?: Date; institution?: string },
): Report {
  const at = change.at ?? new Date();
  return db.transaction((tx) => {
    const [report] = tx.select().from(reports).where(eq(reports.id, reportId)).all();
    if (!report) throw new ApiError(404, 'not_found', 'No such report');
    if (!canTransition(report.status, change.to)) {
      throw new ApiError(409, 'invalid_transition', `A report that is ${report.status} cannot become ${change.to}`);
    }
    const { lastInsertRowid } = tx
      .insert(reportEvents)
      .values({
        reportId,
        at,
        type: 'status',
        actor: change.actor,
        status: change.to,
        note: change.note ?? null,
        institution: change.institution ?? null,
      })
      .run();
    tx.update(reports).set({ status: change.to, updatedAt: at }).where(eq(reports.id, reportId)).run();
    if (change.actor !== 'reporter') queueNotification(tx, report, Number(lastInsertRowid), at);
    return { ...report, status: change.to, updatedAt: at };
  });
}

/** Records a message (an institution's response, a reporter's reply) without changing the status. */
export function recordMessage(
  db: Executor,
  reportId: number,
  message: { actor: Actor; note: string; at?: Date },
): void {
  const at = message.at ?? new Date();
  db.transaction((tx) => {
    const { lastInsertRowid } = tx
      .insert(reportEvents)
      .values({ reportId, at, type: 'message', actor: message.actor, note: message.note })
      .run();
    tx.update(reports).set({ updatedAt: at }).where(eq(reports.id, reportId)).run();
    const [report] = tx.select().from(reports).where(eq(reports.id, reportId)).all();
    if (report && message.actor !== 'reporter') queueNotification(tx, report, Number(lastInsertRowid), at);
  });
}
