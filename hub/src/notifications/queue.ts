import type { Db } from '../db/client';
import type { Report } from '../db/schema';
import { enqueueAction } from '../outbox/worker';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The outbox destination that emails reporters. */
export const REPORTER_EMAIL = 'reporter-email';

/**
 * Queues an email to the reporter about a status change or a response, in
 * the transaction that records it: sent through the outbox like everything
 * else, retried, never twice. Only for a reporter who left an email and has
 * not opted out.
 */
export function queueNotification(tx: Tx, report: Report, eventId: number, at: Date): void {
  if (!report.reporterEmail || !report.notify) return;
  enqueueAction(tx, report.id, REPORTER_EMAIL, 'notification', eventId, at);
}
