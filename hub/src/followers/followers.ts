import { and, eq, sql } from 'drizzle-orm';
import { escape as escapeHtml } from 'html-escaper';
import { isClosed, parseTrackingId } from '../../../contract';
import type { Db, Tx } from '../db/client';
import { DomainError } from '../errors';
import {
  confirmTokenHash,
  newConfirmToken,
  signedToken,
  signedTokenMatches,
  unsent,
} from '../notifications/link-tokens';
import type { Mailer } from '../notifications/mailer';
import { keyedHash } from '../polls/keyed-hash';
import type { Keyring } from '../privacy/keyring';
import { resealStored } from '../privacy/sealed-value';
import { originalOf } from '../reports/duplicates';

/**
 * Following a published report instead of filing it again ("ikut
 * memantau"): a visitor leaves an email address, confirms it from a link
 * (no mail goes to an address that did not ask), and from then on hears of
 * the report's changes through the outbox, each email with a one-click stop.
 * The address is sealed; a keyed hash of it refuses a second follow of the
 * same report. Only a report the public may see, and still being handled.
 */

/** Where a follower's email links lead. */
export interface FollowLinks {
  confirm(token: string): string;
}

export interface FollowDeps {
  db: Db;
  keyring: Keyring;
  mailer?: Mailer;
}

const sealContext = (trackingId: string) => `follower:${trackingId}`;
const emailHash = (keyring: Keyring, reportId: number, email: string) =>
  keyedHash(keyring, 'follower-email', `${reportId}:${email.trim().toLowerCase()}`);

/** The report a visitor may follow: published (forwarded, never confidential) and not finished. */
async function followable(db: Db, typed: string): Promise<{ id: number; trackingId: string; title: string }> {
  const parsed = parseTrackingId(typed);
  if (!parsed.ok) throw new DomainError('invalid_tracking_id', 'Not a valid Tracking ID');
  const { trackingId } = parsed;
  const { monitorReports: m, reports: r } = db.$tables;
  // Found by the reports' index of Tracking IDs: the monitor rows have none (a scan of 1,000,000 took seconds).
  const [found] = await db
    .select({ id: m.reportId, trackingId: m.trackingId, title: m.title, status: m.status })
    .from(r)
    .innerJoin(m, eq(m.reportId, r.id))
    .where(and(eq(r.trackingId, trackingId), sql`${m.published}`));
  if (!found || isClosed(found.status)) {
    throw new DomainError('not_found', 'No published report still being handled has this Tracking ID');
  }
  // A report found to repeat an earlier one: its news is the earlier one's, followed there.
  const original = await originalOf(db, found.id);
  if (original && original !== trackingId) return followable(db, original);
  return { id: found.id, trackingId: found.trackingId, title: found.title ?? '' };
}

/**
 * Asks to follow a report: stores the sealed address, waiting, and emails
 * the confirmation link. The answer is the same whether the address already
 * followed it or not, so it tells nobody who follows what.
 */
export async function askToFollow(
  { db, keyring, mailer }: FollowDeps,
  links: FollowLinks,
  request: { trackingId: string; email: string; locale: 'id' | 'en' },
  now: Date,
): Promise<void> {
  const report = await followable(db, request.trackingId);
  const { reportFollowers: f } = db.$tables;
  const hash = emailHash(keyring, report.id, request.email);
  const [existing] = await db
    .select({ id: f.id, confirmed: f.confirmed })
    .from(f)
    .where(and(eq(f.reportId, report.id), eq(f.emailHash, hash)));
  if (existing?.confirmed) return;
  const { token, hash: confirmTokenHash } = newConfirmToken();
  if (existing) {
    await db.update(f).set({ confirmTokenHash, locale: request.locale }).where(eq(f.id, existing.id));
  } else {
    await db.insert(f).values({
      reportId: report.id,
      email: keyring.encrypt(request.email.trim(), sealContext(report.trackingId)),
      emailHash: hash,
      locale: request.locale,
      confirmTokenHash,
      createdAt: now,
    });
  }
  try {
    if (!mailer) throw new Error('no mail server is set (SMTP_URL)');
    await mailer.send(confirmationMail(report, request.email.trim(), links.confirm(token), confirmTokenHash));
  } catch (cause) {
    // Nothing waits for a link that never went out.
    await db.delete(f).where(and(eq(f.confirmTokenHash, confirmTokenHash), eq(f.confirmed, false)));
    throw unsent(cause);
  }
}

function confirmationMail(report: { trackingId: string; title: string }, to: string, url: string, hash: string) {
  const id = report.trackingId;
  return {
    to,
    subject: `Konfirmasi: pantau laporan ${id} / Confirm: follow report ${id}`,
    text: [
      `Anda meminta kabar tentang laporan ${id} ("${report.title}").`,
      'Buka tautan ini dan tekan tombol konfirmasi; setelah itu kami mengabari Anda setiap kali laporan itu berubah:',
      url,
      '',
      `You asked to follow report ${id}. Open this link and press the button; we will then tell you each time it changes:`,
      url,
      '',
      'Bila Anda tidak memintanya, abaikan email ini. If you did not ask, ignore this email.',
    ].join('\n'),
    html: `<p>Anda meminta kabar tentang laporan <strong>${escapeHtml(id)}</strong> (${escapeHtml(report.title)}).</p>
<p><a href="${escapeHtml(url)}">Konfirmasi / Confirm</a></p>
<p>Bila Anda tidak memintanya, abaikan email ini. If you did not ask, ignore this email.</p>`,
    messageId: `<follow-${hash.slice(0, 24)}@lapor-embed>`,
  };
}

/** The report a confirmation link names, while the link is good: for the page that asks to confirm. */
export async function followTarget(db: Db, token: string): Promise<string> {
  const { reportFollowers: f, reports } = db.$tables;
  const [found] = await db
    .select({ trackingId: reports.trackingId })
    .from(f)
    .innerJoin(reports, eq(reports.id, f.reportId))
    .where(eq(f.confirmTokenHash, confirmTokenHash(token)));
  if (!found) throw invalidLink();
  return found.trackingId;
}

/** Confirms the follow a link names; the link works once. Returns the report's Tracking ID. */
export async function confirmFollow(db: Db, token: string): Promise<string> {
  const trackingId = await followTarget(db, token);
  const { reportFollowers: f } = db.$tables;
  const confirmed = await db
    .update(f)
    .set({ confirmed: true, confirmTokenHash: null })
    .where(eq(f.confirmTokenHash, confirmTokenHash(token)))
    .returning({ id: f.id });
  if (!confirmed.length) throw invalidLink();
  return trackingId;
}

const invalidLink = () => new DomainError('not_found', 'This link is not valid, or it was already used');

/** The token of a follower's stop link: proves the link came from the hub, for that follower only. */
export const stopToken = (keyring: Keyring, followerId: number): string =>
  signedToken(keyring.deriveSecret('unfollow'), `unfollow:${followerId}`);

/** The report a stop link names, for the page that asks to stop. */
export async function stopTarget(db: Db, keyring: Keyring, followerId: number, token: string): Promise<string> {
  if (!signedTokenMatches(keyring.deriveSecrets('unfollow'), `unfollow:${followerId}`, token)) throw invalidLink();
  const { reportFollowers: f, reports } = db.$tables;
  const [found] = await db
    .select({ trackingId: reports.trackingId })
    .from(f)
    .innerJoin(reports, eq(reports.id, f.reportId))
    .where(eq(f.id, followerId));
  if (!found) throw invalidLink();
  return found.trackingId;
}

/** Stops a follower's emails: the address is deleted, not kept aside. Returns the report's Tracking ID. */
export async function stopFollowing(db: Db, keyring: Keyring, followerId: number, token: string): Promise<string> {
  const trackingId = await stopTarget(db, keyring, followerId, token);
  await db.delete(db.$tables.reportFollowers).where(eq(db.$tables.reportFollowers.id, followerId));
  return trackingId;
}

/** The report's confirmed followers with their addresses opened, for the emails about an event. */
export async function followersOf(
  db: Db | Tx,
  keyring: Keyring,
  report: { id: number; trackingId: string },
): Promise<{ id: number; email: string; locale: 'id' | 'en' }[]> {
  const { reportFollowers: f } = db.$tables;
  const rows = await db
    .select({ id: f.id, email: f.email, locale: f.locale })
    .from(f)
    .where(and(eq(f.reportId, report.id), eq(f.confirmed, true)));
  return rows.map((row) => ({ ...row, email: keyring.decrypt(row.email, sealContext(report.trackingId)) }));
}

/** Whether anyone follows the report (confirmed): an event is queued for followers only then. */
export async function hasFollowers(tx: Tx, reportId: number): Promise<boolean> {
  const { reportFollowers: f } = tx.$tables;
  const [found] = await tx
    .select({ id: f.id })
    .from(f)
    .where(and(eq(f.reportId, reportId), eq(f.confirmed, true)))
    .limit(1);
  return !!found;
}

/** Every follower's address sealed with an older key, sealed with the current one; how many changed. */
export async function resealFollowers(db: Db, keyring: Keyring): Promise<number> {
  const { reportFollowers: f, reports } = db.$tables;
  const rows = await db
    .select({ id: f.id, email: f.email, trackingId: reports.trackingId })
    .from(f)
    .innerJoin(reports, eq(reports.id, f.reportId));
  let changed = 0;
  for (const row of rows) {
    const email = resealStored(keyring, row.email, sealContext(row.trackingId));
    if (!email) continue;
    await db.update(f).set({ email }).where(eq(f.id, row.id));
    changed++;
  }
  return changed;
}

/**
 * The followers of a report found to repeat another now follow the original:
 * each address sealed and hashed for it anew, once (an address that already
 * follows the original is not added twice).
 */
export async function moveFollowers(
  tx: Tx,
  keyring: Keyring,
  from: { id: number; trackingId: string },
  to: { id: number; trackingId: string },
): Promise<void> {
  const { reportFollowers: f } = tx.$tables;
  const rows = await tx.select().from(f).where(eq(f.reportId, from.id));
  for (const row of rows) {
    const email = keyring.decrypt(row.email, sealContext(from.trackingId));
    const hash = emailHash(keyring, to.id, email);
    const [already] = await tx
      .select({ id: f.id })
      .from(f)
      .where(and(eq(f.reportId, to.id), eq(f.emailHash, hash)));
    if (already) {
      await tx.delete(f).where(eq(f.id, row.id));
      continue;
    }
    await tx
      .update(f)
      .set({ reportId: to.id, email: keyring.encrypt(email, sealContext(to.trackingId)), emailHash: hash })
      .where(eq(f.id, row.id));
  }
}
