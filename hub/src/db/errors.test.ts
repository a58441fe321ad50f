import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { syncBuiltinDirectory } from '../directory/directory';
import { type TestDatabase, testDatabase } from '../testing/test-database';
import { type Db, openDatabase } from './client';
import { isUniqueViolation } from './errors';

let dir: string;
let database: TestDatabase;
let db: Db;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lapor-errors-'));
  database = await testDatabase(dir);
  db = await openDatabase(database.location);
  await syncBuiltinDirectory(db);
});
after(async () => {
  await db.$close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The error a statement throws, which must throw. */
async function refusal(statement: () => Promise<unknown>): Promise<unknown> {
  try {
    await statement();
  } catch (error) {
    return error;
  }
  assert.fail('the statement was expected to be refused');
}

describe('isUniqueViolation', () => {
  it('names the one column or the columns together that refused a duplicate, and nothing else', async () => {
    const { polls, pollVotes } = db.$tables;
    const now = new Date('2026-11-16T03:00:00Z');
    const poll = {
      id: 'poll-1',
      institutionId: 'kemenkes',
      question: 'Perlukah puskesmas buka pada hari Sabtu?',
      explanation: '',
      kind: 'scale' as const,
      options: [],
      allowComment: false,
      publishComments: false,
      opensAt: now,
      closesAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await db.insert(polls).values(poll);
    const samePoll = await refusal(() => db.insert(polls).values(poll));
    assert.equal(isUniqueViolation(samePoll, 'polls', 'id'), true);
    assert.equal(isUniqueViolation(samePoll, 'polls', 'question'), false);
    assert.equal(isUniqueViolation(samePoll, 'reports', 'id'), false);

    const vote = { pollId: 'poll-1', choice: 1, changes: 0, createdAt: now, updatedAt: now };
    await db.insert(pollVotes).values({ ...vote, deviceHash: 'a', emailHash: 'same' });
    const sameEmail = await refusal(() => db.insert(pollVotes).values({ ...vote, deviceHash: 'b', emailHash: 'same' }));
    assert.equal(isUniqueViolation(sameEmail, 'poll_votes', ['poll_id', 'email_hash']), true);
    assert.equal(isUniqueViolation(sameEmail, 'poll_votes', ['poll_id', 'device_hash']), false);
    assert.equal(
      isUniqueViolation(sameEmail, 'poll_votes', 'email_hash'),
      false,
      'one column of the two is not the index',
    );
    const sameDevice = await refusal(() =>
      db.insert(pollVotes).values({ ...vote, deviceHash: 'a', emailHash: 'other' }),
    );
    assert.equal(isUniqueViolation(sameDevice, 'poll_votes', ['poll_id', 'device_hash']), true);
    assert.equal(
      isUniqueViolation(new Error('UNIQUE constraint failed: poll_votes.poll_id'), 'poll_votes', 'poll_id'),
      false,
    );
  });
});
