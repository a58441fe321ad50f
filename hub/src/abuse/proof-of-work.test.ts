import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { count } from 'drizzle-orm';
import type { PowChallenge } from '../../../contract';
import { postJson, sampleReport, testApp } from '../testing/test-app';
import { issueChallenge, type ProofOfWork } from './proof-of-work';

const pow: ProofOfWork = { maxNumber: 2000, ttlMs: 60_000, secret: 'test-secret' };
let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp({ proofOfWork: pow });
});
afterEach(async () => hub.close());

/** Solves a puzzle the way the widget does, and encodes the X-Altcha header. */
async function solve(challenge: PowChallenge, tamper = 0): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  assert.ok(solution);
  const payload = { ...challenge, number: solution.number + tamper };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

const fresh = async (): Promise<PowChallenge> => (await hub.app.request('/api/v1/challenge')).json();
const file = (altcha?: string, headers: Record<string, string> = {}) =>
  postJson(hub.app, '/api/v1/reports', sampleReport, { ...(altcha && { 'X-Altcha': altcha }), ...headers });
const stored = async () => {
  const { reports } = hub.db.$tables;
  return (await hub.db.select({ n: count() }).from(reports))[0]?.n;
};
const codeOf = async (res: Response) => (await res.json()).error.code;

describe('proof of work', () => {
  it('is asked of every report, and one solution files one report', async () => {
    const none = await file();
    assert.equal(none.status, 403);
    assert.equal(await codeOf(none), 'challenge_required');

    const solution = await solve(await fresh());
    assert.equal((await file(solution)).status, 201);
    const replay = await file(solution);
    assert.equal(replay.status, 403);
    assert.equal(await codeOf(replay), 'challenge_replayed');
    assert.equal(await stored(), 1);
  });

  it('lets an idempotent retry of the same report through with its spent solution', async () => {
    const solution = await solve(await fresh());
    const key = { 'Idempotency-Key': '0f6c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' };
    const first = await file(solution, key);
    const retry = await file(solution, key);
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), await first.json());
    assert.equal(await stored(), 1);
  });

  it('refuses a wrong number, an expired puzzle and another hub’s puzzle', async () => {
    assert.equal(await codeOf(await file(await solve(await fresh(), 1))), 'challenge_failed');
    const expired = await issueChallenge(pow, new Date(Date.now() - 2 * pow.ttlMs));
    assert.equal(await codeOf(await file(await solve(expired))), 'challenge_failed');
    const foreign = await issueChallenge({ ...pow, secret: 'another-hub' });
    assert.equal(await codeOf(await file(await solve(foreign))), 'challenge_failed');
    assert.equal(await codeOf(await file('not base64 json')), 'challenge_failed');
    assert.equal(await stored(), 0);
  });

  it('hands out fresh puzzles that are never cached', async () => {
    const res = await hub.app.request('/api/v1/challenge');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const [a, b] = [await res.json(), await fresh()];
    assert.notEqual(a.salt, b.salt);
    assert.equal(a.maxnumber, pow.maxNumber);
  });
});
