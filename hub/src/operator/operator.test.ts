import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { runCli } from '../cli';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { type TestDatabase, testDatabase } from '../testing/test-database';
import { recordTransition } from '../workflow/transitions';

const TOKEN = 'operator-token-0123456789abcdef';
let hub: Awaited<ReturnType<typeof testApp>>;
let clock: TestClock;
beforeEach(async () => {
  clock = testClock('2026-11-23T02:00:00Z');
  hub = await testApp({ adminToken: TOKEN, clock });
});
afterEach(async () => hub.close());

const admin = (path: string, init: RequestInit = {}, token = TOKEN) =>
  hub.app.request(`/api/v1/admin${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });

async function fileAnonymous() {
  return (await (await postJson(hub.app, '/api/v1/reports', { ...sampleReport, anonymous: true })).json()) as {
    trackingId: string;
  };
}

describe('the operator API', () => {
  it('needs the operator token, compared whole', async () => {
    assert.equal((await admin('/overdue', {}, 'wrong')).status, 401);
    assert.equal((await hub.app.request('/api/v1/admin/overdue')).status, 401);
    assert.equal((await admin('/overdue', {}, `${TOKEN}x`)).status, 401);
    assert.equal((await admin('/overdue')).status, 200);
  });

  it('is off without a token', async () => {
    const off = await testApp();
    try {
      assert.equal(
        (await off.app.request('/api/v1/admin/overdue', { headers: { Authorization: 'Bearer anything' } })).status,
        404,
      );
    } finally {
      await off.close();
    }
  });

  it('lists overdue reports, failing deliveries, and sends one again', async () => {
    const { deliveries, reports } = hub.db.$tables;
    const { trackingId } = await fileAnonymous();
    const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    assert.deepEqual((await (await admin('/overdue')).json()).items, [], 'not yet due on the day it was received');
    // Received on Monday 23 November; on Friday 27 November its 3 working days to forward have passed.
    clock.set('2026-11-27T02:00:00Z');
    const overdue = (await (await admin('/overdue')).json()).items;
    assert.deepEqual(
      overdue.map((r: { trackingId: string; deadline: { kind: string } }) => [r.trackingId, r.deadline.kind]),
      [[trackingId, 'forward']],
    );

    await hub.db.update(deliveries).set({ state: 'needs_attention', attempts: 10, lastError: 'lapor answered 500' });
    const failing = (await (await admin('/deliveries?state=needs_attention')).json()).items;
    assert.equal(failing.length, 1);
    assert.equal((await admin(`/deliveries/${failing[0].id}/retry`, { method: 'POST' })).status, 200);
    const [delivery] = await hub.db.select().from(deliveries).orderBy(deliveries.id);
    assert.deepEqual([delivery?.state, delivery?.attempts, delivery?.lastError], ['pending', 0, null]);
    assert.equal(row?.trackingId, trackingId);
  });

  it('shows a report in full, an anonymous reporter’s contact included', async () => {
    const { trackingId } = await fileAnonymous();
    const full = await (await admin(`/reports/${trackingId}`)).json();
    assert.deepEqual(full.reporter, sampleReport.reporter);
    assert.equal(full.deliveries.length, 1);
  });

  it('shows a report’s deliveries however many newer ones the outbox holds', async () => {
    const { deliveries, reports } = hub.db.$tables;
    const { trackingId } = await fileAnonymous();
    const [report] = await hub.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingId, trackingId));
    assert.ok(report);
    const newer = Array.from({ length: 600 }, (_, i) => ({
      reportId: report.id,
      destination: 'lapor',
      kind: 'notification' as const,
      state: 'delivered' as const,
      idempotencyKey: `newer-${i}`,
      nextAttemptAt: hub.clock(),
      createdAt: hub.clock(),
    }));
    await hub.db.insert(deliveries).values(newer);
    const listed = (await (await admin('/deliveries')).json()).items;
    assert.equal(listed.length, 500, 'the outbox list stops at the newest 500');
    const full = await (await admin(`/reports/${trackingId}`)).json();
    assert.equal(full.deliveries.length, 601);
    assert.equal(full.deliveries.at(-1).kind, 'report', 'the report’s own delivery, the oldest, is there');
  });
});

describe('npm run hub: the operator’s commands', () => {
  let dataDir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lapor-ops-'));
    database = await testDatabase(dataDir);
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('list and retry deliveries, show a report, list what is overdue', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: database.url };
    const printed: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
    try {
      assert.equal(await runCli(['outbox', 'list'], env), 0);
      assert.equal(await runCli(['deadlines', 'overdue'], env), 0);
      await assert.rejects(runCli(['outbox', 'retry', '99'], env), /No delivery/);
      await assert.rejects(runCli(['report', 'show', 'LPR-0000-0000-0'], env), /No report/);
      assert.equal(await runCli(['outbox', 'list', '--state', 'lost'], env), 2);
    } finally {
      console.log = log;
    }
    assert.deepEqual(printed, ['No deliveries.', 'Nothing is overdue.']);
  });
});

describe('npm run hub: polls', () => {
  it('create, change before opening, list and close a poll from JSON files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lapor-ops-'));
    const database = await testDatabase(dataDir);
    const env = { DATA_DIR: dataDir, DATABASE_URL: database.url };
    const clock = testClock();
    const file = join(dataDir, 'poll.json');
    const poll = {
      institutionId: 'kemenkes',
      question: 'Perlukah puskesmas buka pada hari Sabtu?',
      kind: 'scale',
      opensAt: '2026-11-17T00:00:00+07:00',
      closesAt: '2026-11-24T00:00:00+07:00',
    };
    const printed: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
    try {
      writeFileSync(file, JSON.stringify(poll));
      assert.equal(await runCli(['poll', 'create', file], env, clock), 0);
      const id = /Created poll (\S+):/.exec(printed[0] ?? '')?.[1] ?? '';
      assert.ok(id, printed.join('\n'));
      assert.equal(printed[1], `Embed: <lapor-poll poll="${id}"></lapor-poll>`);

      writeFileSync(file, JSON.stringify({ ...poll, question: 'Perlukah puskesmas buka pada hari Sabtu pagi?' }));
      assert.equal(await runCli(['poll', 'edit', id, file], env, clock), 0);
      writeFileSync(file, JSON.stringify({ ...poll, kind: 'choice', closesAt: poll.opensAt }));
      await assert.rejects(
        runCli(['poll', 'edit', id, file], env, clock),
        /options: .*\n.*closesAt: A poll closes after it opens/s,
      );

      printed.length = 0;
      assert.equal(await runCli(['poll', 'list', '--institution', 'kemenkes'], env, clock), 0);
      assert.deepEqual(
        printed.map((line) => line.split('\t').slice(0, 3)),
        [[id, 'scheduled', 'kemenkes']],
      );
      assert.match(printed[0] ?? '', /Sabtu pagi\?$/);

      clock.set('2026-11-18T03:00:00Z');
      writeFileSync(file, JSON.stringify(poll));
      await assert.rejects(runCli(['poll', 'edit', id, file], env, clock), /only before it opens/);
      printed.length = 0;
      assert.equal(await runCli(['poll', 'close', id], env, clock), 0);
      assert.equal(printed[0], `Closed poll ${id}.`);
      assert.match(printed[1] ?? '', new RegExp(`^${id}\tclosed\tkemenkes\t`));
      assert.deepEqual(printed.slice(2), [
        '\t0\t1',
        '\t0\t2',
        '\t0\t3',
        '\t0\t4',
        '\t0\t5',
        '\t0\tvotes in all, 0 with a comment',
      ]);
    } finally {
      console.log = log;
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('moves on a filed report', () => {
  it('keep overdue lists in step', async () => {
    const { reports } = hub.db.$tables;
    const { trackingId } = await fileAnonymous();
    const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    await recordTransition(hub.db, testKeyring, row?.id ?? 0, {
      to: 'archived',
      actor: 'national',
      note: 'Terlalu umum.',
      at: hub.clock(),
    });
    assert.deepEqual((await (await admin('/overdue')).json()).items, []);
  });
});
