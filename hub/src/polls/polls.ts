import { and, asc, desc, eq, gt, lte, type SQL, sql } from 'drizzle-orm';
import type { FieldError } from '../../../contract';
import type { PollState, PollView } from '../../../contract/polls';
import type { ValidPoll } from '../../../contract/requests';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import type { Poll } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import { randomBytes } from '../privacy/random';
import type { Regions } from '../regions/regions';

/** Where a poll stands at `now`: results are shown, and votes refused, from its closing instant on. */
export function pollState(poll: Pick<Poll, 'opensAt' | 'closesAt'>, now: Date): PollState {
  if (now < poll.opensAt) return 'scheduled';
  return now < poll.closesAt ? 'open' : 'closed';
}

/**
 * Refuses anything but a poll taking votes at `now`: scheduled, closed, or
 * already counted by another hub process (whose clock may run ahead of this one's).
 */
export function refuseUnlessOpen(poll: Pick<Poll, 'opensAt' | 'closesAt' | 'countedAt'>, now: Date): void {
  const state = pollState(poll, now);
  if (state === 'open' && !poll.countedAt) return;
  throw new DomainError(
    'poll_not_open',
    state === 'scheduled' ? 'This poll has not opened yet' : 'This poll has closed',
  );
}

/** What a poll's place is checked against: the directory of institutions, and Indonesia's regions. */
export interface PollPlaces {
  directory: Directory;
  regions: Pick<Regions, 'find'>;
}

/** The directory must know the institution a poll belongs to, and a region it names must exist. */
function checkPlace({ directory, regions }: PollPlaces, input: ValidPoll): void {
  const fields: Record<string, FieldError> = {};
  if (!directory.institution(input.institutionId)) {
    fields.institutionId = { code: 'unknown_institution', message: 'No institution has this id' };
  }
  if (input.regionCode && !regions.find(input.regionCode)) {
    fields.regionCode = { code: 'unknown_region', message: 'No region has this code' };
  }
  if (Object.keys(fields).length) throw new DomainError('validation_failed', 'The poll has invalid fields', { fields });
}

const columnsOf = (input: ValidPoll) => ({
  institutionId: input.institutionId,
  regionCode: input.regionCode ?? null,
  question: input.question,
  explanation: input.explanation,
  kind: input.kind,
  options: input.kind === 'choice' ? input.options : [],
  allowComment: input.allowComment,
  publishComments: input.publishComments,
  confirmByEmail: input.confirmByEmail,
  opensAt: new Date(input.opensAt),
  closesAt: new Date(input.closesAt),
});

/** Creates a poll; its id is random, so a poll not yet announced cannot be found by trying ids. */
export async function createPoll(db: Db, places: PollPlaces, input: ValidPoll, now: Date): Promise<Poll> {
  checkPlace(places, input);
  const { polls } = db.$tables;
  const [created] = await db
    .insert(polls)
    .values({ id: randomBytes(9).toString('base64url'), ...columnsOf(input), createdAt: now, updatedAt: now })
    .returning();
  if (!created) throw new Error('the poll insert returned no row');
  return created;
}

/**
 * Changes a poll that has not opened yet. Once it takes votes its question
 * and options stay as voters saw them; the operator may only close it early.
 */
export async function editPoll(db: Db, places: PollPlaces, id: string, input: ValidPoll, now: Date): Promise<Poll> {
  checkPlace(places, input);
  const { polls } = db.$tables;
  return db.transaction(async (tx) => {
    const poll = await lockedPoll(tx, db.$dialect, id, 'update');
    if (pollState(poll, now) !== 'scheduled') {
      throw new DomainError('poll_already_open', 'A poll can be changed only before it opens');
    }
    const [edited] = await tx
      .update(polls)
      .set({ ...columnsOf(input), updatedAt: now })
      .where(eq(polls.id, id))
      .returning();
    if (!edited) throw new Error('the poll update returned no row');
    return edited;
  });
}

/** Closes an open (or not yet open) poll now; its votes are then counted and shown. */
export async function closePoll(db: Db, id: string, now: Date): Promise<Poll> {
  const { polls } = db.$tables;
  return db.transaction(async (tx) => {
    const poll = await lockedPoll(tx, db.$dialect, id, 'update');
    if (pollState(poll, now) === 'closed') return poll;
    const [closed] = await tx
      .update(polls)
      .set({ closesAt: now, closedEarlyAt: now, updatedAt: now, opensAt: poll.opensAt < now ? poll.opensAt : now })
      .where(eq(polls.id, id))
      .returning();
    if (!closed) throw new Error('the poll update returned no row');
    return closed;
  });
}

const pollById = prepared('poll_by_id', (db) => {
  const { polls } = db.$tables;
  return db
    .select()
    .from(polls)
    .where(eq(polls.id, sql.placeholder('id')));
});
/** The same, its row share-locked on PostgreSQL (see `lockedPoll`). */
const pollByIdShared = prepared('poll_by_id_shared', (db) => {
  const { polls } = db.$tables;
  return db
    .select()
    .from(polls)
    .where(eq(polls.id, sql.placeholder('id')))
    .for('share');
});

export async function findPoll(db: Db | Tx, id: string): Promise<Poll> {
  const [poll] = await pollById(db).execute({ id });
  if (!poll) throw new DomainError('not_found', 'No poll has this id');
  return poll;
}

/**
 * The poll's row, locked until the transaction ends on PostgreSQL: votes
 * share the lock and counting takes it alone, so no vote commits after the
 * count has started, whichever hub process takes either. SQLite's
 * transactions run one at a time anyway. A vote's read is prepared once
 * (it is on the hot path); the rest are built when asked.
 */
export async function lockedPoll(tx: Tx, dialect: Db['$dialect'], id: string, mode: 'share' | 'update') {
  const { polls } = tx.$tables;
  let found: Poll | undefined;
  if (dialect !== 'postgres') [found] = await pollById(tx).execute({ id });
  else if (mode === 'share') [found] = await pollByIdShared(tx).execute({ id });
  else [found] = await tx.select().from(polls).where(eq(polls.id, id)).for('update');
  if (!found) throw new DomainError('not_found', 'No poll has this id');
  return found;
}

/** What to list: an institution's polls, by state at `now`. */
export interface PollFilter {
  institutionId?: string;
  state?: PollState;
}

/** Polls, those closing soonest first while open or scheduled, the latest closed first once closed; 100 at most. */
export async function listPolls(db: Db, { institutionId, state }: PollFilter, now: Date): Promise<Poll[]> {
  const { polls } = db.$tables;
  const where: (SQL | undefined)[] = [institutionId === undefined ? undefined : eq(polls.institutionId, institutionId)];
  if (state === 'scheduled') where.push(gt(polls.opensAt, now));
  if (state === 'open') where.push(lte(polls.opensAt, now), gt(polls.closesAt, now));
  if (state === 'closed') where.push(lte(polls.closesAt, now));
  return db
    .select()
    .from(polls)
    .where(and(...where))
    .orderBy(state === 'closed' ? desc(polls.closesAt) : asc(polls.closesAt))
    .limit(100);
}

/** A poll as anyone may see it: never a count before it closes (results are added by `results.ts`, after). */
export function pollView(directory: Directory, poll: Poll, now: Date): PollView {
  return {
    id: poll.id,
    institution: {
      id: poll.institutionId,
      name: directory.institution(poll.institutionId)?.name ?? poll.institutionId,
    },
    ...(poll.regionCode && { regionCode: poll.regionCode }),
    question: poll.question,
    explanation: poll.explanation,
    kind: poll.kind,
    options: poll.options,
    allowComment: poll.allowComment,
    publishComments: poll.publishComments,
    confirmByEmail: poll.confirmByEmail,
    opensAt: poll.opensAt.toISOString(),
    closesAt: poll.closesAt.toISOString(),
    state: pollState(poll, now),
  };
}
