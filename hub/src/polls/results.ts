import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { PollResults } from '../../../contract/polls';
import type { Db } from '../db/client';
import type { Poll } from '../db/schema';
import { DomainError } from '../errors';
import { lockedPoll, pollState } from './polls';
import { answersOf } from './votes';

/**
 * A closed poll's results. Nothing counts votes before the poll closes (as
 * CONSUL, the hub shows no running results, not even to its operator: a
 * government could act on them). The first time they are asked for after
 * closing, the votes are counted once, under the poll's lock, and stored
 * with the poll; every later answer reads them from there.
 */
export async function resultsOf(db: Db, poll: Poll, now: Date): Promise<PollResults> {
  if (pollState(poll, now) !== 'closed') {
    throw new DomainError('poll_not_closed', 'Results are shown once the poll has closed');
  }
  const counted = poll.results && poll.countedAt ? poll : await countVotes(db, poll.id, now);
  if (!counted.results || !counted.countedAt) throw new Error('a counted poll has no results');
  return { ...counted.results, countedAt: counted.countedAt.toISOString() };
}

/** Counts a closed poll's votes and stores the counts, unless another process has just done so. */
export async function countVotes(db: Db, pollId: string, now: Date): Promise<Poll> {
  const { polls, pollVotes } = db.$tables;
  return db.transaction(async (tx) => {
    const poll = await lockedPoll(tx, db.$dialect, pollId, 'update');
    if (poll.countedAt) return poll;
    if (pollState(poll, now) !== 'closed') throw new DomainError('poll_not_closed', 'The poll is still open');
    const byChoice = await tx
      .select({ choice: pollVotes.choice, votes: count() })
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.confirmed, true)))
      .groupBy(pollVotes.choice);
    const counts = Array.from({ length: answersOf(poll) }, () => 0);
    for (const { choice, votes } of byChoice) counts[choice - 1] = Number(votes);
    const [{ comments } = { comments: 0 }] = await tx
      .select({ comments: count(pollVotes.comment) })
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.confirmed, true), isNotNull(pollVotes.comment)));
    const results = { votes: counts.reduce((sum, n) => sum + n, 0), counts, comments: Number(comments) };
    const [stored] = await tx.update(polls).set({ results, countedAt: now }).where(eq(polls.id, pollId)).returning();
    if (!stored) throw new Error('the poll update returned no row');
    return stored;
  });
}
