import type { Tx } from '../db/client';
import type { Report } from '../db/schema';
import { enqueueAction } from '../outbox/queue';

/** The outbox destination that emails reporters. */
export const REPORTER_EMAIL = 'reporter-email';

/**
 * Queues an email to the reporter about a status change or a response, in
 * the transaction that records it: sent through the outbox like everything
 * else, retried, never twice. Only for a reporter who left an email and has
 * not opted out.
 */
export async function queueNotification(tx: Tx, report: Report, eventId: number, at: Date): Promise<void> {
  if (!report.reporterEmail || !report.notify) return;
  await enqueueAction(tx, report.id, REPORTER_EMAIL, 'notification', eventId, at);
}
