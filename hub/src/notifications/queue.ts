import type { Tx } from '../db/client';
import type { Report } from '../db/schema';
import { hasFollowers } from '../followers/followers';
import { enqueueAction } from '../outbox/queue';

/** The outbox destination that emails reporters. */
export const REPORTER_EMAIL = 'reporter-email';
/** The outbox destination that emails the people who follow a report (followers/followers.ts). */
export const FOLLOWER_EMAIL = 'follower-email';
/** The outbox destination that tells a reporter who filed by SMS, by SMS through the same gateway (sms/news.ts). */
export const REPORTER_SMS = 'reporter-sms';

/**
 * Queues the emails about a status change or a response, in the transaction
 * that records it: sent through the outbox like everything else, retried,
 * never twice. To the reporter who left an email and has not opted out; to
 * the people who follow the report (never a confidential one), one delivery
 * for all of them.
 */
export async function queueNotification(tx: Tx, report: Report, eventId: number, at: Date): Promise<void> {
  if (report.reporterEmail && report.notify) {
    await enqueueAction(tx, report.id, REPORTER_EMAIL, 'notification', eventId, at);
  }
  if (report.channel === 'sms' && report.channelSource && report.reporterPhone && report.notify) {
    await enqueueAction(tx, report.id, REPORTER_SMS, 'notification', eventId, at);
  }
  if (!report.confidential && (await hasFollowers(tx, report.id))) {
    await enqueueAction(tx, report.id, FOLLOWER_EMAIL, 'notification', eventId, at);
  }
}
