import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { DEVICE_TOKEN, SCALE_LEVELS, type VoteRecorded } from '../../../contract/polls';
import { replayedSolution, type Solution, spendSolution } from '../abuse/proof-of-work';
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { prepared } from '../db/prepared';
import type { Poll } from '../db/schema';
import { DomainError } from '../errors';
import { newConfirmToken } from '../notifications/link-tokens';
import type { Keyring } from '../privacy/keyring';
import { askConfirmation, type Confirmation, emailHash } from './confirmation';
import { keyedHash } from './keyed-hash';
import { lockedPoll, refuseUnlessOpen } from './polls';

/** What a vote needs besides the database: the keys that hash devices and seal comments. */
export interface VoteDeps {
  db: Db;
  keyring: Keyring;
}

/**
 * The device as stored for one poll: a keyed hash of its token and the
 * poll's id. The token never reaches the database, and the same device's
 * votes in two polls hash apart, so they cannot be linked.
 */
export function deviceHash(keyring: Keyring, pollId: string, token: string | undefined): string {
  if (!token || !DEVICE_TOKEN.test(token)) {
    throw new DomainError('invalid_device', 'A vote needs the device token the poll element keeps (43 characters)');
  }
  return keyedHash(keyring, 'poll-device', `${pollId}:${token}`);
}

/**
 * A device's vote, or the change of its earlier one (`excluded` is the row
 * the insert proposed), with how many times it has changed: 0 for a first vote.
 */
const upsertVote = prepared('upsert_vote', (db) => {
  const { pollVotes } = db.$tables;
  const now = sql.placeholder('now');
  const values = {
    pollId: sql.placeholder('pollId'),
    deviceHash: sql.placeholder('deviceHash'),
    choice: sql.placeholder('choice'),
    comment: sql.placeholder('comment'),
    changes: 0,
    createdAt: now,
    updatedAt: now,
  };
  return db
    .insert(pollVotes)
    .values(values as unknown as typeof pollVotes.$inferInsert)
    .onConflictDoUpdate({
      target: [pollVotes.pollId, pollVotes.deviceHash],
      set: {
        choice: sql`excluded.choice`,
        comment: sql`excluded.comment`,
        changes: sql`${pollVotes.changes} + 1`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning({ changes: pollVotes.changes });
});

/** The comment's place, bound into its ciphertext. */
const commentContext = (pollId: string, device: string) => `poll_votes.comment:${pollId}:${device}`;

/** How many answers a poll has: its options, or the five levels of agreement. */
export const answersOf = (poll: Pick<Poll, 'kind' | 'options'>) =>
  poll.kind === 'choice' ? poll.options.length : SCALE_LEVELS;

/** What else a vote may bring: its proof of work, and how to ask for confirmation where the poll wants it. */
export interface VoteOptions {
  /** The vote's proof of work, spent with it: one solution casts one vote. */
  solution?: Solution;
  confirmation?: Confirmation;
}

/** A confirmation to ask for once the vote has committed. */
interface Pending {
  token: string;
  tokenHash: string;
  question: string;
  email: string;
}

/**
 * Records a device's vote, or replaces its earlier one: one vote per device
 * per poll, changeable until the poll closes. The vote, its spent proof of
 * work and the check that the poll is open commit together (see `lockedPoll`).
 * Where the poll asks for it, a first vote waits, uncounted, for its voter
 * to follow the link emailed to them (confirmation.ts).
 */
export async function castVote(
  deps: VoteDeps,
  pollId: string,
  token: string | undefined,
  { choice, comment, email }: { choice: number; comment?: string | undefined; email?: string | undefined },
  now: Date,
  { solution, confirmation }: VoteOptions = {},
): Promise<VoteRecorded> {
  const { db, keyring } = deps;
  const device = deviceHash(keyring, pollId, token);
  if (solution?.spent) throw replayedSolution();
  const vote = async (tx: Tx): Promise<{ recorded: VoteRecorded; pending?: Pending }> => {
    const poll = await lockedPoll(tx, db.$dialect, pollId, 'share');
    refuseUnlessOpen(poll, now);
    if (choice > answersOf(poll)) {
      throw new DomainError('validation_failed', 'There is no such answer', {
        fields: { choice: { code: 'too_big', message: `Choose 1 to ${answersOf(poll)}` } },
      });
    }
    if (comment && !poll.allowComment) {
      throw new DomainError('validation_failed', 'This poll takes no comments', {
        fields: { comment: { code: 'invalid_value', message: 'This poll takes no comments' } },
      });
    }
    if (solution) await spendSolution(tx, solution, now);
    const sealed = comment ? keyring.encrypt(comment, commentContext(pollId, device)) : null;
    if (poll.confirmByEmail)
      return voteToConfirm(tx, db.$dialect, { poll, device, choice, sealed, email, now, keyring });
    // One statement decides between a first vote and a change, so two votes of one device racing on two hub
    // processes leave one row, and exactly one of them is told it replaced the other.
    const [stored] = await upsertVote(tx).execute({ pollId, deviceHash: device, choice, comment: sealed, now });
    if (!stored) throw new Error('the vote upsert returned no row');
    return { recorded: { choice, changed: stored.changes > 0, confirmed: true } };
  };
  // Each vote in a transaction of its own: grouped with others, two devices' votes racing in two hub processes
  // could wait on each other's rows and one group be chosen to fail.
  const { recorded, pending } = await db.transaction(vote);
  if (pending) {
    if (!confirmation) throw new Error('a vote to confirm by email, without a way to send the link');
    await askConfirmation(db, confirmation, { pollId, ...pending });
  }
  return recorded;
}

/**
 * A vote in a poll that asks for confirmation: a confirmed vote changes as
 * any other; otherwise the vote (new, or replacing one still unconfirmed)
 * waits for the link about to be emailed, and an address that another
 * device already voted with in this poll is refused.
 */
async function voteToConfirm(
  tx: Tx,
  dialect: Db['$dialect'],
  {
    poll,
    device,
    choice,
    sealed,
    email,
    now,
    keyring,
  }: {
    poll: Poll;
    device: string;
    choice: number;
    sealed: string | null;
    email: string | undefined;
    now: Date;
    keyring: Keyring;
  },
): Promise<{ recorded: VoteRecorded; pending?: Pending }> {
  const { pollVotes } = tx.$tables;
  const mine = tx
    .select({ id: pollVotes.id, confirmed: pollVotes.confirmed })
    .from(pollVotes)
    .where(and(eq(pollVotes.pollId, poll.id), eq(pollVotes.deviceHash, device)));
  const [existing] = await (dialect === 'postgres' ? mine.for('update') : mine);
  const change = { choice, comment: sealed, changes: sql`${pollVotes.changes} + 1`, updatedAt: now };
  if (existing?.confirmed) {
    await tx.update(pollVotes).set(change).where(eq(pollVotes.id, existing.id));
    return { recorded: { choice, changed: true, confirmed: true } };
  }
  if (!email) {
    throw new DomainError('validation_failed', 'This poll asks for an email address to confirm the vote', {
      fields: { email: { code: 'required', message: 'The confirmation link is sent to this address' } },
    });
  }
  const { token, hash } = newConfirmToken();
  const waiting = { emailHash: emailHash(keyring, poll.id, email), confirmed: false, confirmTokenHash: hash };
  try {
    const row = { pollId: poll.id, deviceHash: device, choice, comment: sealed, changes: 0, ...waiting };
    if (existing) {
      await tx
        .update(pollVotes)
        .set({ ...change, ...waiting })
        .where(eq(pollVotes.id, existing.id));
    } else {
      await tx.insert(pollVotes).values({ ...row, createdAt: now, updatedAt: now });
    }
  } catch (error) {
    if (isUniqueViolation(error, 'poll_votes', ['poll_id', 'email_hash'])) {
      throw new DomainError('already_voted', 'This email address has already voted in this poll');
    }
    throw error;
  }
  return {
    recorded: { choice, changed: existing !== undefined, confirmed: false },
    pending: { token, tokenHash: hash, question: poll.question, email },
  };
}

/** The device's own vote in a poll, if it has one (its token shows it is the device that voted). */
export async function voteOf(
  { db, keyring }: VoteDeps,
  pollId: string,
  token: string,
): Promise<{ choice: number; comment?: string; confirmed: boolean } | undefined> {
  const device = deviceHash(keyring, pollId, token);
  const { pollVotes } = db.$tables;
  const [vote] = await db
    .select({ choice: pollVotes.choice, comment: pollVotes.comment, confirmed: pollVotes.confirmed })
    .from(pollVotes)
    .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.deviceHash, device)));
  if (!vote) return undefined;
  return {
    choice: vote.choice,
    ...(vote.comment && { comment: keyring.decrypt(vote.comment, commentContext(pollId, device)) }),
    confirmed: vote.confirmed,
  };
}

/** Each stored comment of a poll, opened, in the order given; for the export of a closed poll. */
export async function* commentsOf({ db, keyring }: VoteDeps, pollId: string, batch = 1000) {
  const { pollVotes } = db.$tables;
  let after = 0;
  for (;;) {
    const rows = await db
      .select({ id: pollVotes.id, device: pollVotes.deviceHash, choice: pollVotes.choice, comment: pollVotes.comment })
      .from(pollVotes)
      .where(
        and(
          eq(pollVotes.pollId, pollId),
          eq(pollVotes.confirmed, true),
          isNotNull(pollVotes.comment),
          gt(pollVotes.id, after),
        ),
      )
      .orderBy(pollVotes.id)
      .limit(batch);
    for (const row of rows) {
      if (row.comment)
        yield { choice: row.choice, comment: keyring.decrypt(row.comment, commentContext(pollId, row.device)) };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = last.id;
  }
}
