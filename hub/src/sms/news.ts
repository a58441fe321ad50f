import type { Delivery } from '../db/schema';
import { STATUS } from '../notifications/message';
import { eventOf, type PayloadDeps } from '../outbox/payload';
import { openNote } from '../privacy/sealed-notes';
import { openReport } from '../privacy/sealed-report';
import { contactOf, reportRow } from '../reports/read';
import type { OutgoingSms } from './gateway';

/** How much of a response an SMS quotes: with the rest, two messages at most. */
const NOTE_CHARACTERS = 160;

/**
 * The SMS telling a reporter who filed by SMS of an event on their report,
 * through the gateway they wrote to; undefined when there is nothing to
 * send (stopped since it was queued). Like the email, it never carries the
 * receipt, and a confidential report's SMS says nothing of the content.
 */
export async function reporterSms(
  deps: PayloadDeps,
  delivery: Delivery,
): Promise<{ gateway: string; sms: OutgoingSms } | undefined> {
  const { db, keyring } = deps;
  const sealed = await reportRow(db, delivery.reportId);
  const event = await eventOf(db, delivery);
  const phone = sealed && contactOf(openReport(keyring, sealed, ['reporterPhone']))?.phone;
  if (!sealed?.notify || !sealed.channelSource || !event || !phone) return undefined;
  const what = event.type === 'status' && event.status ? STATUS.id[event.status] : 'mendapat tanggapan';
  const note = sealed.confidential ? null : openNote(keyring, sealed.trackingId, event.note);
  const quoted = note && (note.length > NOTE_CHARACTERS ? `${note.slice(0, NOTE_CHARACTERS - 1)}…` : note);
  const text = `Laporan ${sealed.trackingId}: ${what}.${quoted ? ` "${quoted}"` : ''} Cek: CEK ${sealed.trackingId}. Tak ingin kabar: BERHENTI ${sealed.trackingId}.`;
  return { gateway: sealed.channelSource, sms: { key: delivery.idempotencyKey, to: phone, text } };
}
