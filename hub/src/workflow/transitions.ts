import { eq, sql } from 'drizzle-orm';
import { canTransition, type ReportStatus } from '../../../contract';
import type { Db, Tx } from '../db/client';
import { placeholdersFor, prepared } from '../db/prepared';
import type { Report, ReportEvent } from '../db/schema';
import { DomainError } from '../errors';
import { markForMonitor } from '../monitor/projector';
import { queueNotification } from '../notifications/queue';
import type { Keyring } from '../privacy/keyring';
import { sealNote } from '../privacy/sealed-notes';
import { reportRow } from '../reports/read';

type Actor = ReportEvent['actor'];
/** The database or a transaction on it: these functions join the caller's transaction when given one. */
type Executor = Pick<Db | Tx, 'transaction' | '$tables'>;

const insertStatusEvent = prepared('insert_status_event', (db) => {
  const { reportEvents } = db.$tables;
  return db
    .insert(reportEvents)
    .values({
      reportId: sql.placeholder('reportId'),
      at: sql.placeholder('at'),
      type: 'status',
      actor: sql.placeholder('actor'),
      status: sql.placeholder('status'),
      note: sql.placeholder('note'),
      institution: sql.placeholder('institution'),
      reference: sql.placeholder('reference'),
    })
    .returning({ id: reportEvents.id });
});
const updateStatus = prepared('update_report_status', (db) => {
  const { reports } = db.$tables;
  return db
    .update(reports)
    .set(placeholdersFor<Report>({ status: 'status', updatedAt: 'at' }))
    .where(eq(reports.id, sql.placeholder('reportId')));
});

/**
 * Moves a report to a new status, recording the event the tracker shows.
 * A move the workflow does not allow (finished → forwarded, anything out of
 * archived) is refused and changes nothing.
 */
export function recordTransition(
  db: Executor,
  keyring: Keyring,
  reportId: number,
  change: {
    to: ReportStatus;
    actor: Actor;
    note?: string;
    at: Date;
    institution?: string;
    reference?: string;
    /** False for a step on the way to the status the reporter hears of (workflow/desk-answer.ts). */
    notify?: boolean;
  },
): Promise<Report> {
  const { at } = change;
  return db.transaction(async (tx) => {
    const report = await reportRow(tx, reportId);
    if (!report) throw new DomainError('not_found', 'No such report');
    if (!canTransition(report.status, change.to)) {
      throw new DomainError('invalid_transition', `A report that is ${report.status} cannot become ${change.to}`);
    }
    const [event] = await insertStatusEvent(tx).execute({
      reportId,
      at,
      actor: change.actor,
      status: change.to,
      note: sealNote(keyring, report, change.note),
      institution: change.institution ?? null,
      reference: change.reference ?? null,
    });
    await updateStatus(tx).execute({ status: change.to, at, reportId });
    await markForMonitor(tx, reportId);
    if (change.actor !== 'reporter' && change.notify !== false && event) {
      await queueNotification(tx, report, event.id, at);
    }
    return { ...report, status: change.to, updatedAt: at };
  });
}

/** Records a message (an institution's response, a reporter's reply) without changing the status. */
export function recordMessage(
  db: Executor,
  keyring: Keyring,
  reportId: number,
  message: { actor: Actor; note: string; at: Date },
): Promise<void> {
  const { reportEvents, reports } = db.$tables;
  const { at } = message;
  return db.transaction(async (tx) => {
    const report = await reportRow(tx, reportId);
    if (!report) throw new DomainError('not_found', 'No such report');
    const note = sealNote(keyring, report, message.note);
    const [event] = await tx
      .insert(reportEvents)
      .values({ reportId, at, type: 'message', actor: message.actor, note })
      .returning({ id: reportEvents.id });
    await tx.update(reports).set({ updatedAt: at }).where(eq(reports.id, reportId));
    await markForMonitor(tx, reportId);
    if (event && message.actor !== 'reporter') await queueNotification(tx, { ...report, updatedAt: at }, event.id, at);
  });
}
