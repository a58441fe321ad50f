import { createHmac } from 'node:crypto';
import { and, eq, lte } from 'drizzle-orm';
import {
  isPhoneNumber,
  parseTrackingId,
  type ReportKind,
  reportInputSchema,
  toFieldErrors,
  type ValidReport,
} from '../../../contract';
import { countHit } from '../abuse/hit-counts';
import type { Db, Tx } from '../db/client';
import { DomainError } from '../errors';
import { receivedOnce } from '../outbox/inbound';
import { openReport } from '../privacy/sealed-report';
import { type FilingDeps, fileSubmission } from '../reports/file';
import { eventsOf } from '../reports/read';
import { findReport } from '../reports/views';
import { localDate, type WorkingCalendar } from '../workflow/calendar';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';
import { isLongEnough, isPlace, readCommand, readIncidentDate, titleOf } from './commands';
import type { InboundSms, SmsGateway } from './gateway';
import { queueSms } from './outbox';
import { SMS_REPLIES } from './replies';

export interface SmsDeps extends FilingDeps {
  /** Working days, for the deadline a status answer names. */
  calendar: WorkingCalendar;
  /** The hub's public address, for the tracker's link in the receipt SMS. */
  publicUrl?: string;
  /** Reports one number may file per hour (the per-address limit of the form). */
  reportsPerHour: number;
}

/** Messages one number may send per hour before the hub stops answering it: every answer costs the institution. */
export const SMS_PER_NUMBER_PER_HOUR = 30;
/** How long a report being written by SMS waits for its next answer. */
const DRAFT_TTL_MS = 24 * 60 * 60_000;

/** A report being written by SMS, as sealed in its draft. */
interface Draft {
  kind: ReportKind;
  text: string;
  anonymous: boolean;
  confidential: boolean;
  place?: string;
}

/**
 * Takes one SMS that a gateway delivered: decides what it asks (commands.ts),
 * and records that and the answer to send in one transaction, together with
 * the message's id, so a webhook the gateway retries changes nothing and
 * is answered once. Returns false for a message already taken.
 *
 * A report is written in up to three messages: the text (`LAPOR …`), then
 * the place and the date as the hub asks for them; it is filed through the
 * same path as the form's (contract, directory, sealed contact, outbox),
 * and the sender gets its Tracking ID and receipt by SMS.
 */
export async function takeSms(deps: SmsDeps, gateway: SmsGateway, sms: InboundSms & { text: string }, now: Date) {
  const { db, keyring } = deps;
  const sender = senderKey(keyring.deriveSecret('sms-sender'), sms.from);
  const taken = { gateway: gateway.name, sender, sms, now };
  const { hits } = await countHit(db, `sms:${gateway.name}:${sender}`, 60 * 60_000, now);
  // Past the limit the hub stays silent: a loop between two machines must not cost an SMS each turn.
  const reply = hits <= SMS_PER_NUMBER_PER_HOUR;
  const answer = (text: string) => (tx: Tx) =>
    reply ? queueSms(tx, keyring, { gateway: gateway.name, to: sms.from, text }, now) : Promise.resolve();

  const command = readCommand(sms.text);
  if (command.type === 'check') return record(deps, taken, answer(await statusOf(deps, command.trackingId, now)));
  if (command.type === 'help') return record(deps, taken, answer(SMS_REPLIES.help));
  if (command.type === 'stop') {
    const report = await ownReport(deps, command.trackingId, sms.from);
    return record(deps, taken, async (tx) => {
      if (report)
        await tx.update(tx.$tables.reports).set({ notify: false }).where(eq(tx.$tables.reports.id, report.id));
      await answer(report ? SMS_REPLIES.stopped(report.trackingId) : SMS_REPLIES.notFound(command.trackingId))(tx);
    });
  }
  const draft = await draftOf(deps, gateway.name, sender, now);
  if (command.type === 'cancel') {
    return record(deps, taken, async (tx) => {
      await dropDraft(tx, gateway.name, sender);
      await answer(draft ? SMS_REPLIES.cancelled : SMS_REPLIES.nothingToCancel)(tx);
    });
  }
  const started =
    command.type === 'report'
      ? command
      : !draft && isLongEnough(command.text)
        ? { kind: 'pengaduan' as const, text: command.text, anonymous: false, confidential: false }
        : undefined;
  if (started) {
    if (!isLongEnough(started.text)) return record(deps, taken, answer(SMS_REPLIES.tooShort));
    const { kind, text, anonymous, confidential } = started;
    return record(deps, taken, async (tx) => {
      await keepDraft(deps, tx, gateway.name, sender, 'place', { kind, text, anonymous, confidential }, now);
      await answer(SMS_REPLIES.askPlace)(tx);
    });
  }
  if (!draft) return record(deps, taken, answer(SMS_REPLIES.help));
  const { text } = command as { text: string };
  if (draft.step === 'place') {
    if (!isPlace(text)) return record(deps, taken, answer(SMS_REPLIES.badPlace));
    return record(deps, taken, async (tx) => {
      await keepDraft(deps, tx, gateway.name, sender, 'date', { ...draft.draft, place: text.trim() }, now);
      await answer(SMS_REPLIES.askDate)(tx);
    });
  }
  const target = gateway.target(sms.to);
  const today = localDate(now, timeZoneOf(deps.directory, target.institutionId));
  const incidentDate = readIncidentDate(text, today);
  if (!incidentDate) return record(deps, taken, answer(SMS_REPLIES.badDate));
  return fileFromSms(deps, gateway, taken, { ...draft.draft, incidentDate }, answer);
}

interface Taken {
  gateway: string;
  sender: string;
  sms: InboundSms;
  now: Date;
}

/** Files the finished draft and queues its receipt, in the report's own transaction. */
async function fileFromSms(
  deps: SmsDeps,
  gateway: SmsGateway,
  taken: Taken,
  draft: Draft & { incidentDate: string },
  answer: (text: string) => (tx: Tx) => Promise<void>,
): Promise<boolean> {
  const { db, reportsPerHour } = deps;
  const { sms, now } = taken;
  const { hits, resetAt } = await countHit(db, `sms-reports:${gateway.name}:${taken.sender}`, 60 * 60_000, now);
  const target = gateway.target(sms.to);
  if (hits > reportsPerHour) {
    const at = new Intl.DateTimeFormat('id-ID', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timeZoneOf(deps.directory, target.institutionId),
    }).format(resetAt);
    return record(deps, taken, answer(SMS_REPLIES.tooMany(at)));
  }
  const input = reportInputSchema.safeParse({
    kind: draft.kind,
    title: titleOf(draft.text),
    body: draft.text,
    incidentDate: draft.incidentDate,
    location: { text: draft.place },
    institutionId: target.institutionId,
    ...(target.categoryId && { categoryId: target.categoryId }),
    anonymous: draft.anonymous,
    confidential: draft.confidential,
    locale: 'id',
    // A number the form would not take (a foreign one, a short code) is not kept as the reporter's; the answer still goes to it.
    ...(isPhoneNumber(sms.from) && { reporter: { phone: sms.from } }),
  });
  if (!input.success) {
    const why = Object.values(toFieldErrors(input.error.issues))
      .map((e) => e.message)
      .join('; ');
    return record(deps, taken, answer(SMS_REPLIES.refused(why)));
  }
  try {
    await fileSubmission(deps, {
      submission: { input: input.data as ValidReport, files: [], discard: async () => {} },
      channel: { name: 'sms', source: gateway.name },
      now,
      within: async (tx, _reportId, created) => {
        if (!(await markTaken(tx, taken))) throw new AlreadyTaken();
        await dropDraft(tx, gateway.name, taken.sender);
        const base = deps.publicUrl?.replace(/\/$/, '');
        const tracker = base && `${base}/lacak/#lapor=${encodeURIComponent(created.trackingId)}`;
        await answer(SMS_REPLIES.received(created.trackingId, created.receipt, tracker))(tx);
      },
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadyTaken) return false;
    // What the directory refused (the operator's settings, checked at start, changed since): said, not lost silently.
    if (error instanceof DomainError && error.code === 'validation_failed') {
      return record(deps, taken, answer(SMS_REPLIES.refused(error.message)));
    }
    throw error;
  }
}

class AlreadyTaken extends Error {}

/** Records the message as taken and does `work`, together; false (nothing done) when it was taken before. */
async function record(deps: SmsDeps, taken: Taken, work: (tx: Tx) => Promise<void>): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    if (!(await markTaken(tx, taken))) return false;
    await work(tx);
    return true;
  });
}

function markTaken(tx: Tx, { gateway, sms, now }: Taken): Promise<boolean> {
  return receivedOnce(tx, `sms:${gateway}`, sms.id, now);
}

/** The status of a report as anyone holding its Tracking ID sees it in the tracker: no content, no contact. */
async function statusOf(deps: SmsDeps, given: string, now: Date): Promise<string> {
  const parsed = parseTrackingId(given);
  const report = parsed.ok ? await findReport(deps.db, parsed.trackingId) : undefined;
  if (!report) return SMS_REPLIES.notFound(given);
  const timeZone = timeZoneOf(deps.directory, report.institutionId);
  const due = deadlinesOf(report, await eventsOf(deps.db, report.id), deps.calendar, timeZone, now).deadline?.due;
  const deadline =
    due && new Date(`${due}T00:00:00Z`).toLocaleDateString('id-ID', { dateStyle: 'long', timeZone: 'UTC' });
  return SMS_REPLIES.status(report.trackingId, report.status, deadline);
}

/**
 * A report filed by SMS from this number: whoever else names its Tracking ID
 * is told it is not found, as for one that does not exist.
 */
async function ownReport(deps: SmsDeps, given: string, from: string) {
  const parsed = parseTrackingId(given);
  const report = parsed.ok ? await findReport(deps.db, parsed.trackingId) : undefined;
  if (report?.channel !== 'sms' || !report.reporterPhone) return undefined;
  const phone = openReport(deps.keyring, report, ['reporterPhone']).reporterPhone;
  return phone && digits(phone) === digits(from) ? report : undefined;
}

const digits = (number: string) => number.replace(/[^\d]/g, '').replace(/^0/, '62');

/** A keyed hash of the number: finds the sender's draft and counts their messages without keeping the number. */
function senderKey(secret: string, number: string): string {
  return createHmac('sha256', secret)
    .update(number.replace(/[\s().-]/g, ''))
    .digest('hex');
}

const draftContext = (gateway: string, sender: string) => `sms_drafts:${gateway}:${sender}`;

async function draftOf(deps: SmsDeps, gateway: string, sender: string, now: Date) {
  const { smsDrafts } = deps.db.$tables;
  const [row] = await deps.db
    .select()
    .from(smsDrafts)
    .where(and(eq(smsDrafts.gateway, gateway), eq(smsDrafts.sender, sender)));
  if (!row || row.expiresAt <= now) return undefined;
  const draft = JSON.parse(deps.keyring.decrypt(row.draft, draftContext(gateway, sender))) as Draft;
  return { step: row.step, draft };
}

async function keepDraft(
  deps: SmsDeps,
  tx: Tx,
  gateway: string,
  sender: string,
  step: 'place' | 'date',
  draft: Draft,
  now: Date,
): Promise<void> {
  const { smsDrafts } = tx.$tables;
  const row = {
    step,
    draft: deps.keyring.encrypt(JSON.stringify(draft), draftContext(gateway, sender)),
    expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
  };
  await tx
    .insert(smsDrafts)
    .values({ gateway, sender, ...row })
    .onConflictDoUpdate({ target: [smsDrafts.gateway, smsDrafts.sender], set: row });
}

/** Reports begun by SMS and never finished: what was written goes once the draft has expired (run hourly). */
export async function pruneSmsDrafts(db: Db, now: Date): Promise<void> {
  const { smsDrafts } = db.$tables;
  await db.delete(smsDrafts).where(lte(smsDrafts.expiresAt, now));
}

async function dropDraft(tx: Tx, gateway: string, sender: string): Promise<void> {
  const { smsDrafts } = tx.$tables;
  await tx.delete(smsDrafts).where(and(eq(smsDrafts.gateway, gateway), eq(smsDrafts.sender, sender)));
}
