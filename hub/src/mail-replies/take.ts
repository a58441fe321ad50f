import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { commentSchema } from '../../../contract/requests';
import type { Db } from '../db/client';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import { receivedOnce } from '../outbox/inbound';
import type { Keyring } from '../privacy/keyring';
import { actOnReport } from '../reports/actions';
import { findReport } from '../reports/views';
import type { WorkingCalendar } from '../workflow/calendar';
import { timeZoneOf } from '../workflow/deadlines';
import { answerAsDesk } from '../workflow/desk-answer';
import type { Party, ReplyAddresses } from './address';
import { isAutomatic } from './automatic';
import { replyText } from './text';

export interface MailReplyDeps {
  db: Db;
  directory: Directory;
  keyring: Keyring;
  calendar: WorkingCalendar;
  replyAddresses: ReplyAddresses;
}

/** A reply the hub will not take, with what to tell its sender (the SMTP intake's bounce, the webhook's answer). */
export class ReplyRefused extends Error {
  constructor(
    message: string,
    /** 550 for what no retry mends; the SMTP intake answers with it. */
    readonly smtpCode = 550,
  ) {
    super(message);
    this.name = 'ReplyRefused';
  }
}

export type ReplyOutcome =
  | { taken: true; trackingId: string; party: Party }
  | { taken: false; why: 'automatic' | 'already taken'; detail?: string };

/** The report and party a message's recipients name, or a refusal. */
export function addresseeOf(deps: Pick<MailReplyDeps, 'replyAddresses'>, recipients: readonly string[]) {
  for (const recipient of recipients) {
    const found = deps.replyAddresses.read(recipient);
    if (found) return found;
  }
  throw new ReplyRefused('5.1.1 Alamat balasan tidak dikenal (unknown reply address)');
}

/**
 * Takes a reply to one of the hub's emails: a machine's message (bounce,
 * out-of-office) is dropped; the reporter's becomes their comment (passed
 * on to where the report went, as a comment from the tracker is), the
 * desk's becomes the institution's response and moves the report to
 * answered. The message's id is recorded with the change, so a mail server
 * that delivers it twice changes nothing.
 */
export async function takeReply(
  deps: MailReplyDeps,
  {
    mail,
    recipients,
    envelopeSender,
  }: { mail: ParsedMail; recipients: readonly string[]; envelopeSender?: string | false },
  now: Date,
): Promise<ReplyOutcome> {
  const addressee = addresseeOf(deps, recipients);
  const automatic = isAutomatic(mail, envelopeSender);
  if (automatic) return { taken: false, why: 'automatic', detail: automatic };
  const report = await findReport(deps.db, addressee.trackingId);
  if (!report) throw new ReplyRefused('5.1.1 Laporan tidak ditemukan (no such report)');
  const parsed = commentSchema.safeParse({ text: replyText(mail) });
  if (!parsed.success) {
    throw new ReplyRefused(
      '5.6.0 Balasan kosong atau terlalu panjang: tulis balasan di atas kutipan email (empty or too long reply)',
    );
  }
  const { text } = parsed.data;
  const messageId =
    mail.messageId ?? createHash('sha256').update(`${mail.date?.toISOString()}|${mail.subject}|${text}`).digest('hex');
  try {
    const taken = await deps.db.transaction(async (tx) => {
      if (!(await receivedOnce(tx, 'email-reply', messageId.slice(0, 500), now))) return false;
      if (addressee.party === 'reporter') {
        const timeZone = timeZoneOf(deps.directory, report.institutionId);
        await actOnReport(tx, report, { kind: 'comment', text }, { ...deps, timeZone, now });
      } else {
        await answerAsDesk(tx, deps.keyring, report, text, now);
      }
      return true;
    });
    if (!taken) return { taken: false, why: 'already taken' };
  } catch (error) {
    if (error instanceof DomainError) throw new ReplyRefused(`5.7.1 Balasan tidak dapat diterima: ${error.message}`);
    throw error;
  }
  return { taken: true, ...addressee };
}
