import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { reportInputSchema } from '../../../contract';
import { postJson, sampleReport, testApp } from '../testing/test-app';
import { IDEMPOTENCY_WINDOW_MS, replayedAnswer, requestHash } from './idempotency';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

const KEY = '6f1c2a0e-8b7d-4c55-9a3e-2f4b1d9c7e60';
const send = (body: object, key = KEY) => postJson(hub.app, '/api/v1/reports', body, { 'Idempotency-Key': key });
const stored = async () => {
  const { reports } = hub.db.$tables;
  return (await hub.db.select({ n: count() }).from(reports))[0]?.n;
};

describe('Idempotency-Key on POST /api/v1/reports', () => {
  it('answers a retry of the same report with the same 201 and stores one report', async () => {
    const first = await send(sampleReport);
    const again = await send({ ...sampleReport, title: `  ${sampleReport.title} ` });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(await stored(), 1);
  });

  it('stores one report when the same submission arrives twice at once (a retry racing the first)', async () => {
    const answers = await Promise.all([send(sampleReport), send(sampleReport), send(sampleReport)]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201, 201],
    );
    const [first, ...others] = await Promise.all(answers.map((answer) => answer.json()));
    for (const other of others) assert.deepEqual(other, first);
    assert.equal(await stored(), 1);
  });

  it('refuses a different report under a used key with 409 and stores nothing more', async () => {
    await send(sampleReport);
    const other = await send({ ...sampleReport, title: 'Laporan yang sama sekali berbeda' });
    assert.equal(other.status, 409);
    assert.equal((await other.json()).error.code, 'idempotency_conflict');
    assert.equal(await stored(), 1);
  });

  it('treats different keys as different submissions', async () => {
    await send(sampleReport);
    await send(sampleReport, `${KEY}-2`);
    assert.equal(await stored(), 2);
  });

  it('keeps neither the key nor the receipt readable in the database', async () => {
    const { idempotencyKeys } = hub.db.$tables;
    const { receipt } = await (await send(sampleReport)).json();
    const kept = await hub.db.select().from(idempotencyKeys);
    assert.equal(kept.length, 1, 'the answer is kept');
    const rows = JSON.stringify(kept);
    assert.ok(!rows.includes(KEY));
    assert.ok(!rows.includes(receipt));
  });

  it('forgets an answer after the window', async () => {
    await send(sampleReport);
    const hash = requestHash(reportInputSchema.parse(sampleReport));
    assert.ok(
      await replayedAnswer(hub.db, KEY, hash, new Date(hub.clock().getTime() + IDEMPOTENCY_WINDOW_MS - 60_000)),
    );
    assert.equal(
      await replayedAnswer(hub.db, KEY, hash, new Date(hub.clock().getTime() + IDEMPOTENCY_WINDOW_MS + 60_000)),
      undefined,
    );
  });

  it('refuses a key that is too short to be unguessable', async () => {
    const res = await send(sampleReport, 'abc');
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalid_idempotency_key');
    assert.equal(await stored(), 0);
  });
});
