import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { type ReportStatus, reportInputSchema } from '../../../contract';
import { createRouting, routingFile } from '../outbox/routing';
import { webhookDestination } from '../outbox/webhook';
import { OutboxWorker } from '../outbox/worker';
import { sampleReport, testApp, testKeyring } from '../testing/test-app';
import { startWebhookPeer } from '../testing/webhook-peer';
import { recordTransition } from '../workflow/transitions';
import { createReport } from './create';

const SECRET = 'disdik-makassar-shared-secret';
let peer: Awaited<ReturnType<typeof startWebhookPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
let clockNow = new Date('2026-11-23T02:00:00Z');

beforeEach(async () => {
  peer = await startWebhookPeer(SECRET);
  const destination = webhookDestination({ name: 'disdik', url: peer.url, secret: SECRET });
  clockNow = new Date('2026-11-23T02:00:00Z');
  hub = await testApp({
    routing: createRouting(routingFile.parse({ default: 'disdik' }), [destination]),
    clock: () => clockNow,
  });
});
afterEach(async () => {
  await hub.close();
  await peer.close();
});

/** A report filed through the API and queued for the peer, then moved along the workflow. */
async function filed(...path: ReportStatus[]) {
  const { reports } = hub.db.$tables;
  const res = await hub.app.request('/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(sampleReport),
  });
  const created = await res.json();
  const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, created.trackingId));
  for (const to of path)
    await recordTransition(hub.db, testKeyring, row?.id ?? 0, { to, actor: 'national', at: clockNow });
  return created as { trackingId: string; receipt: string };
}

const post = (trackingId: string, action: string, body: object, receipt?: string) =>
  hub.app.request(`/api/v1/reports/${trackingId}/${action}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(receipt !== undefined && { Authorization: `Receipt ${receipt}` }),
    },
    body: JSON.stringify(body),
  });
const codeOf = async (res: Response) => (await res.json()).error.code;

describe('the reporter’s actions', () => {
  it('need the right receipt: a wrong one or none is refused, and nothing is recorded', async () => {
    const { trackingId, receipt } = await filed();
    for (const action of [
      ['comments', { text: 'Tambahan: kejadian berulang pada 4 Maret.' }],
      ['reopen', { reason: 'Tindak lanjutnya tidak menjawab laporan saya.' }],
      ['rating', { score: 2 }],
    ] as const) {
      assert.equal((await post(trackingId, action[0], action[1])).status, 401, `${action[0]} without a receipt`);
      assert.equal(
        (await post(trackingId, action[0], action[1], 'not-the-receipt')).status,
        401,
        `${action[0]} wrong receipt`,
      );
    }
    const res = await post(trackingId, 'comments', { text: 'Tambahan: kejadian berulang pada 4 Maret.' }, receipt);
    assert.equal(res.status, 201);
    const view = await res.json();
    assert.equal(view.viewer, 'reporter');
    assert.deepEqual(
      view.timeline.map((e: { type: string }) => e.type),
      ['status', 'message'],
    );
  });

  it('reopen an unsatisfying follow-up, and a finished report within 10 working days only', async () => {
    const { reports } = hub.db.$tables;
    const open = await filed('submitted', 'verified', 'forwarded', 'followed_up');
    const reopened = await post(
      open.trackingId,
      'reopen',
      { reason: 'Pungutan masih terjadi setelah tanggapan.' },
      open.receipt,
    );
    assert.equal(reopened.status, 201);
    assert.equal((await reopened.json()).status, 'reopened');

    // Finished on Monday 23 November (WITA); 10 working days later is Monday 7 December.
    const closed = await filed('submitted', 'verified', 'forwarded', 'followed_up', 'finished');
    clockNow = new Date('2026-12-07T05:00:00Z');
    assert.equal(
      (await post(closed.trackingId, 'reopen', { reason: 'Masalahnya muncul lagi minggu ini.' }, closed.receipt))
        .status,
      201,
    );
    const late = await filed('submitted', 'verified', 'forwarded', 'followed_up');
    const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, late.trackingId));
    await recordTransition(hub.db, testKeyring, row?.id ?? 0, {
      to: 'finished',
      actor: 'national',
      at: new Date('2026-11-23T02:00:00Z'),
    });
    clockNow = new Date('2026-12-08T05:00:00Z');
    const refused = await post(
      late.trackingId,
      'reopen',
      { reason: 'Masalahnya muncul lagi minggu ini.' },
      late.receipt,
    );
    assert.equal(refused.status, 409);
    assert.equal(await codeOf(refused), 'reopen_window_closed');

    const fresh = await filed();
    assert.equal(
      await codeOf(
        await post(fresh.trackingId, 'reopen', { reason: 'Belum ada tindak lanjut sama sekali.' }, fresh.receipt),
      ),
      'invalid_transition',
    );
  });

  it('rate a follow-up once, and not before there is one', async () => {
    const early = await filed('submitted');
    assert.equal(
      await codeOf(await post(early.trackingId, 'rating', { score: 4 }, early.receipt)),
      'not_yet_followed_up',
    );
    const { trackingId, receipt } = await filed('submitted', 'verified', 'forwarded', 'followed_up');
    assert.equal((await post(trackingId, 'rating', { score: 6 }, receipt)).status, 400);
    const rated = await post(trackingId, 'rating', { score: 4, remark: 'Cepat, tetapi belum tuntas.' }, receipt);
    assert.equal(rated.status, 201);
    assert.deepEqual((await rated.json()).timeline.at(-1), {
      at: clockNow.toISOString(),
      type: 'rating',
      actor: 'reporter',
      note: 'Cepat, tetapi belum tuntas.',
      rating: 4,
    });
    assert.equal(await codeOf(await post(trackingId, 'rating', { score: 5 }, receipt)), 'already_rated');
  });

  it('rate the follow-up that stands, not one the reporter reopened the report over', async () => {
    const { trackingId, receipt } = await filed('submitted', 'verified', 'forwarded', 'followed_up');
    const reopened = await post(
      trackingId,
      'reopen',
      { reason: 'Tindak lanjutnya tidak menjawab laporan saya.' },
      receipt,
    );
    assert.equal((await reopened.json()).status, 'reopened');
    assert.equal(await codeOf(await post(trackingId, 'rating', { score: 1 }, receipt)), 'not_yet_followed_up');
  });

  it('are passed on to where the report went, after the report itself, once each', async () => {
    const { deliveries } = hub.db.$tables;
    const { trackingId, receipt } = await filed();
    await post(trackingId, 'comments', { text: 'Saya punya foto kuitansi palsu sebagai bukti tambahan.' }, receipt);
    const worker = new OutboxWorker({
      db: hub.db,
      directory: hub.directory,
      regions: hub.regions,
      keyring: testKeyring,
      clock: hub.clock,
      routing: createRouting(routingFile.parse({ default: 'disdik' }), [
        webhookDestination({ name: 'disdik', url: peer.url, secret: SECRET }),
      ]),
    });
    assert.equal(await worker.tick(), 2);
    const kinds = (await hub.db.select().from(deliveries).orderBy(deliveries.id))
      .filter((d) => d.kind !== 'notification')
      .map((d) => [d.kind, d.state]);
    assert.deepEqual(kinds, [
      ['report', 'delivered'],
      ['comment', 'delivered'],
    ]);
    assert.equal(peer.received.length, 2);
    assert.deepEqual(
      peer.actions.map((a) => [a.type, a.trackingId]),
      [['comment', trackingId]],
    );
  });

  it('wait for the report when it has not yet gone', async () => {
    const { deliveries } = hub.db.$tables;
    const created = await createReport({ db: hub.db, keyring: testKeyring }, reportInputSchema.parse(sampleReport));
    assert.ok(created.trackingId);
    assert.equal(
      (await hub.db.select().from(deliveries).orderBy(deliveries.id)).length,
      0,
      'created without the route queues nothing',
    );
  });
});
