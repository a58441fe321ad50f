import type { Delivery } from '../db/schema';
import type { ReplyAddresses } from '../mail-replies/address';
import type { Mail } from '../notifications/mailer';
import { notificationMail, optOutToken } from '../notifications/message';
import { openNote } from '../privacy/sealed-notes';
import { openReport } from '../privacy/sealed-report';
import { contactOf, reportRow, sentTo } from '../reports/read';
import { eventOf, type PayloadDeps } from './payload';
import type { Routing } from './routing';

/**
 * The email telling a reporter about an event on their report, in the
 * language they filed in; undefined when there is nothing to send (no
 * address, opted out since it was queued). The receipt never goes in an
 * email, and a confidential report's email says nothing of its content.
 */
export async function reporterEmail(
  deps: PayloadDeps & { routing: Routing; publicUrl: string; replyAddresses?: ReplyAddresses },
  delivery: Delivery,
): Promise<Mail | undefined> {
  const { db, keyring, publicUrl } = deps;
  const sealed = await reportRow(db, delivery.reportId);
  const event = await eventOf(db, delivery);
  const email = sealed && contactOf(openReport(keyring, sealed))?.email;
  if (!sealed || !event || !email || !sealed.notify) return undefined;
  const base = publicUrl.replace(/\/$/, '');
  const token = optOutToken(keyring.deriveSecret('opt-out'), sealed.trackingId);
  const optOutUrl = `${base}/api/v1/notifications/opt-out?report=${encodeURIComponent(sealed.trackingId)}&token=${token}`;
  const sent = await sentTo(db, deps.routing, sealed.id);
  const mail = notificationMail({
    locale: sealed.locale,
    ...(sent && { sentTo: sent }),
    trackingId: sealed.trackingId,
    event: { ...event, note: sealed.confidential ? null : openNote(keyring, sealed.trackingId, event.note) },
    trackerUrl: `${base}/lacak/#lapor=${encodeURIComponent(sealed.trackingId)}`,
    optOutUrl,
    repliable: !!deps.replyAddresses,
  });
  return {
    to: email,
    ...mail,
    ...(deps.replyAddresses && { replyTo: deps.replyAddresses.address(sealed.trackingId, 'reporter') }),
    // The same Message-ID on a resend lets the reporter's mail server drop the duplicate.
    messageId: `<${delivery.idempotencyKey}@lapor-embed>`,
    headers: { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
