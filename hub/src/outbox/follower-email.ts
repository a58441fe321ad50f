import type { Delivery } from '../db/schema';
import { followersOf, stopToken } from '../followers/followers';
import type { Mail } from '../notifications/mailer';
import { notificationMail } from '../notifications/message';
import { reportRow } from '../reports/read';
import { eventOf, type PayloadDeps } from './payload';

/**
 * The emails telling the people who follow a report about an event on it,
 * each in the language they asked in, with their own stop link. They carry
 * what the public may see: the status, that a response came, the link to the
 * tracker's public view; never the response's text, never the reporter.
 */
export async function followerEmails(deps: PayloadDeps & { publicUrl: string }, delivery: Delivery): Promise<Mail[]> {
  const { db, keyring, publicUrl } = deps;
  const report = await reportRow(db, delivery.reportId);
  const event = await eventOf(db, delivery);
  if (!report || !event || report.confidential) return [];
  const base = publicUrl.replace(/\/$/, '');
  const trackerUrl = `${base}/lacak/#lapor=${encodeURIComponent(report.trackingId)}`;
  return (await followersOf(db, keyring, report)).map((follower) => {
    const stopUrl = `${base}/api/v1/notifications/unfollow?follower=${follower.id}&token=${stopToken(keyring, follower.id)}`;
    return {
      to: follower.email,
      ...notificationMail({
        locale: follower.locale,
        trackingId: report.trackingId,
        event: { ...event, note: null },
        trackerUrl,
        optOutUrl: stopUrl,
        audience: 'follower',
      }),
      // One per follower, the same on every attempt: a resend after a crash is dropped as a duplicate.
      messageId: `<${delivery.idempotencyKey}.${follower.id}@lapor-embed>`,
      headers: { 'List-Unsubscribe': `<${stopUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  });
}
