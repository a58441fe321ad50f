import { and, eq } from 'drizzle-orm';
import { escape as escapeHtml } from 'html-escaper';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import { confirmTokenHash, unsent } from '../notifications/link-tokens';
import type { Mailer } from '../notifications/mailer';
import type { Keyring } from '../privacy/keyring';
import { keyedHash } from './keyed-hash';
import { lockedPoll, refuseUnlessOpen } from './polls';

/**
 * Votes in a poll that asks for confirmation by email: the vote waits,
 * uncounted, until its voter follows a link sent to their address. The
 * address itself is never stored: only a keyed hash of it and the poll,
 * which is enough to refuse a second vote from the same address.
 */

/** The voter's address as stored for one poll: case and surrounding spaces do not make another address. */
export const emailHash = (keyring: Keyring, pollId: string, email: string) =>
  keyedHash(keyring, 'poll-email', `${pollId}:${email.trim().toLowerCase()}`);

/** What the confirmation needs to go out: the mailer, and where its link points. */
export interface Confirmation {
  mailer: Mailer | undefined;
  /** The hub's page for the link, e.g. `https://hub.example.go.id/api/v1/polls/{id}/confirm?token=…`. */
  link(pollId: string, token: string): string;
}

/**
 * Sends the confirmation link. If it cannot go out (no mail server set, or
 * the server refused), the waiting vote is withdrawn, so nothing waits for a
 * link that never came, and the voter is told to try again later.
 */
export async function askConfirmation(
  db: Db,
  { mailer, link }: Confirmation,
  vote: { pollId: string; question: string; email: string; token: string; tokenHash: string },
): Promise<void> {
  const url = link(vote.pollId, vote.token);
  try {
    if (!mailer) throw new Error('no mail server is set (SMTP_URL)');
    await mailer.send({
      to: vote.email,
      subject: `Konfirmasi suara Anda / Confirm your vote: ${vote.question}`,
      text: [
        `Anda memberi suara dalam jajak pendapat "${vote.question}".`,
        'Suara Anda baru dihitung setelah Anda membuka tautan ini dan menekan tombol konfirmasi:',
        url,
        '',
        `You voted in the poll "${vote.question}". Your vote counts once you open this link and press the button:`,
        url,
        '',
        'Bila Anda tidak memberi suara, abaikan email ini. If you did not vote, ignore this email.',
      ].join('\n'),
      html: `<p>Anda memberi suara dalam jajak pendapat <strong>${escapeHtml(vote.question)}</strong>. Suara Anda baru dihitung setelah Anda mengonfirmasinya.</p>
<p><a href="${escapeHtml(url)}">Konfirmasi suara saya / Confirm my vote</a></p>
<p>Bila Anda tidak memberi suara, abaikan email ini. If you did not vote, ignore this email.</p>`,
      messageId: `<poll-${vote.tokenHash.slice(0, 24)}@lapor-embed>`,
    });
  } catch (cause) {
    const { pollVotes } = db.$tables;
    await db
      .delete(pollVotes)
      .where(
        and(
          eq(pollVotes.pollId, vote.pollId),
          eq(pollVotes.confirmTokenHash, vote.tokenHash),
          eq(pollVotes.confirmed, false),
        ),
      );
    throw unsent(cause);
  }
}

/** The poll a confirmation link names, if the link is still good: for the page that asks to confirm. */
export async function confirmationTarget(db: Db, pollId: string, token: string, now: Date): Promise<string> {
  const { pollVotes, polls } = db.$tables;
  const [found] = await db
    .select({ question: polls.question, opensAt: polls.opensAt, closesAt: polls.closesAt, countedAt: polls.countedAt })
    .from(pollVotes)
    .innerJoin(polls, eq(polls.id, pollVotes.pollId))
    .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.confirmTokenHash, confirmTokenHash(token))));
  if (!found) throw invalidLink();
  refuseUnlessOpen(found, now);
  return found.question;
}

/** Counts the vote the link names, while the poll is open; the link works once. */
export async function confirmVote(db: Db, pollId: string, token: string, now: Date): Promise<string> {
  const { pollVotes } = db.$tables;
  return db.transaction(async (tx) => {
    const poll = await lockedPoll(tx, db.$dialect, pollId, 'share');
    refuseUnlessOpen(poll, now);
    const confirmed = await tx
      .update(pollVotes)
      .set({ confirmed: true, confirmTokenHash: null, updatedAt: now })
      .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.confirmTokenHash, confirmTokenHash(token))))
      .returning({ id: pollVotes.id });
    if (!confirmed.length) throw invalidLink();
    return poll.question;
  });
}

const invalidLink = () =>
  new DomainError('not_found', 'This confirmation link is not valid, or the vote was already confirmed');
