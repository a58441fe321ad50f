import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { overdueReports } from '../operator/operator';
import { postJson, sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { startWebhookPeer } from '../testing/webhook-peer';
import type { Destination } from './destination';
import { applyInboundEvent } from './inbound';
import { createRouting, routingFile } from './routing';
import { signedHeaders } from './signature';
import { webhookDestination } from './webhook';
import { OutboxWorker, retryDelay } from './worker';

const SECRET = 'disdik-makassar-shared-secret';
let peer: Awaited<ReturnType<typeof startWebhookPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
let destination: Destination;

beforeEach(async () => {
  peer = await startWebhookPeer(SECRET);
  destination = webhookDestination({ name: 'disdik', url: peer.url, secret: SECRET });
  hub = await testApp({ routing: createRouting(routingFile.parse({ default: 'disdik' }), [destination]) });
});
afterEach(async () => {
  await hub.close();
  await peer.close();
});

const worker = (extra: Partial<{ destination: Destination; maxAttempts: number; batch: number }> = {}) =>
  new OutboxWorker(
    {
      db: hub.db,
      directory: hub.directory,
      regions: hub.regions,
      keyring: testKeyring,
      clock: hub.clock,
      routing: createRouting(routingFile.parse({ default: 'disdik' }), [extra.destination ?? destination]),
    },
    { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: extra.maxAttempts ?? 10, batch: extra.batch ?? 20 },
  );

async function fileReports(n: number, body: object = sampleReport): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await (await postJson(hub.app, '/api/v1/reports', body)).json()).trackingId);
  return ids;
}

/** The deliveries to the institution (emails to the reporter are tested on their own). */
const rows = async () => {
  const { deliveries } = hub.db.$tables;
  return (await hub.db.select().from(deliveries).orderBy(deliveries.id)).filter((d) => d.kind !== 'notification');
};
/** Runs the worker until nothing is pending, moving its clock past each retry. */
async function drain(w: OutboxWorker, start = hub.clock().getTime()) {
  let now = start;
  for (let i = 0; i < 30 && (await rows()).some((d) => d.state === 'pending'); i++) {
    await w.tick(new Date(now));
    now += 120_000;
  }
}

describe('the outbox', () => {
  it('queues a delivery in the report’s own transaction and delivers it once, keeping the reference', async () => {
    const [trackingId] = await fileReports(1);
    assert.equal((await rows()).length, 1);
    assert.equal((await rows())[0]?.state, 'pending');
    assert.equal(await worker().tick(), 1);
    assert.equal(peer.filed.size, 1);
    const [delivery] = await rows();
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.externalRef, 'DISDIK-1');
    const view = await (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();
    assert.equal(view.status, 'submitted');
    assert.equal(view.sentTo, 'institution', 'the institution’s own desk, not SP4N-LAPOR!');
    assert.equal(view.timeline.at(-1).reference, 'DISDIK-1');
  });

  it('leaves reporters’ notifications untouched in a process that cannot send email', async () => {
    await fileReports(1);
    const w = worker();
    assert.equal(await w.tick(), 1);
    const { deliveries } = hub.db.$tables;
    const notifications = async () => (await hub.db.select().from(deliveries)).filter((d) => d.kind === 'notification');
    const [queued] = await notifications();
    assert.ok(queued, 'the move to submitted queued an email to the reporter');
    await w.tick(new Date(hub.clock().getTime() + 24 * 3_600_000));
    assert.deepEqual(await notifications(), [queued], 'not claimed, not put back, not counted: left for a mailer');
  });

  it('works through a backlog without waiting between full batches', { timeout: 60_000 }, async () => {
    await fileReports(12);
    const w = worker({ batch: 5 });
    // An hour between passes: only passes that follow each other at once can finish before the test's timeout.
    w.start(3_600_000);
    try {
      await w.whenIdle();
      assert.equal((await rows()).filter((d) => d.state === 'delivered').length, 12, 'not one batch an hour');
    } finally {
      await w.stop();
    }
  });

  it('sends different reports side by side, no more at once than its concurrency', { timeout: 60_000 }, async () => {
    await fileReports(10);
    let inFlight = 0;
    let most = 0;
    // The first sends wait until four are under way together (a worker that sends fewer at once never
    // gets past them, and the test times out); after that each answers at once.
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow: Destination = {
      name: 'disdik',
      async deliver(report) {
        most = Math.max(most, ++inFlight);
        if (inFlight === 4) open();
        await gate;
        inFlight--;
        return { externalRef: `S-${report.trackingId}` };
      },
    };
    const w = new OutboxWorker(
      {
        db: hub.db,
        directory: hub.directory,
        regions: hub.regions,
        keyring: testKeyring,
        clock: hub.clock,
        routing: createRouting(routingFile.parse({ default: 'disdik' }), [slow]),
      },
      { concurrency: 4 },
    );
    assert.equal(await w.tick(), 10);
    assert.equal(most, 4);
  });

  it('lets two hub processes work the outbox at once, each delivery sent by one of them', async () => {
    await fileReports(30);
    const sends: string[] = [];
    const counting: Destination = {
      name: 'disdik',
      async deliver(report) {
        sends.push(report.trackingId);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { externalRef: `C-${report.trackingId}` };
      },
    };
    // On PostgreSQL, a second hub with connections of its own, as another process would have. SQLite's
    // processes take turns at the file's lock (a second connection in this process would wait on itself):
    // there the two workers share the one connection.
    const other = hub.db.$dialect === 'postgres' ? await testApp({ sameDatabaseAs: hub }) : hub;
    try {
      const workerOn = (h: typeof hub) =>
        new OutboxWorker(
          {
            db: h.db,
            directory: h.directory,
            regions: h.regions,
            keyring: testKeyring,
            clock: h.clock,
            routing: createRouting(routingFile.parse({ default: 'disdik' }), [counting]),
          },
          { batch: 10, concurrency: 4 },
        );
      const [a, b] = [workerOn(hub), workerOn(other)];
      const passes = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick(), a.tick(), b.tick()]);
      assert.equal(
        passes.reduce((sum, n) => sum + n, 0),
        30,
      );
      assert.equal(sends.length, 30, 'no delivery was sent twice');
      assert.equal(new Set(sends).size, 30);
    } finally {
      if (other !== hub) await other.close();
    }
  });

  it('leaves an anonymous reporter out of what it sends', async () => {
    const sent: unknown[] = [];
    const spy: Destination = {
      name: 'disdik',
      deliver: async (report) => {
        sent.push(report);
        return {};
      },
    };
    await fileReports(1, { ...sampleReport, anonymous: true });
    await worker({ destination: spy }).tick();
    assert.equal(sent.length, 1, 'the report was sent');
    assert.ok(JSON.stringify(sent).includes(sampleReport.title));
    assert.ok(!JSON.stringify(sent).includes('Andi'));
  });

  it('retries a destination that answers 500, with growing delays, and delivers once', async () => {
    peer.faults.failNext = 2;
    await fileReports(1);
    const w = worker();
    const now = hub.clock().getTime();
    assert.equal(await w.tick(new Date(now)), 0);
    const [first] = await rows();
    assert.equal(first?.attempts, 1);
    assert.ok((first?.nextAttemptAt.getTime() ?? 0) > now, 'the retry waits');
    assert.equal(await w.tick(new Date(now)), 0, 'not before its time');
    await drain(w, now);
    assert.equal((await rows())[0]?.state, 'delivered');
    assert.equal((await rows())[0]?.attempts, 3);
    assert.equal(peer.filed.size, 1);
  });

  it('waits out a destination that is down, then delivers everything once', async () => {
    await peer.close();
    await fileReports(3);
    const w = worker();
    await w.tick();
    assert.ok(
      (await rows()).every(
        (d) => d.state === 'pending' && d.attempts === 1 && /could not be reached/.test(d.lastError ?? ''),
      ),
    );
    peer = await startWebhookPeer(SECRET);
    const back = webhookDestination({ name: 'disdik', url: peer.url, secret: SECRET });
    await drain(worker({ destination: back }));
    assert.ok((await rows()).every((d) => d.state === 'delivered'));
    assert.equal(peer.filed.size, 3);
  });

  it('delivers once when a slow destination files the report after the hub gave up waiting', async () => {
    let release = () => {};
    peer.faults.hold = new Promise((resolve) => {
      release = resolve;
    });
    await fileReports(1);
    // The peer answers nothing until released, so this destination's short wait always runs out first.
    const impatient = webhookDestination({ name: 'disdik', url: peer.url, secret: SECRET, timeoutMs: 50 });
    await worker({ destination: impatient }).tick();
    assert.equal((await rows())[0]?.state, 'pending', 'timed out');
    release();
    await peer.answered(1);
    assert.equal(peer.filed.size, 1, 'the peer filed it all the same');
    peer.faults.hold = undefined;
    await drain(worker());
    assert.equal((await rows())[0]?.state, 'delivered');
    assert.equal(peer.filed.size, 1, 'the repeat was recognised by its key');
    assert.equal(peer.received.length, 2);
  });

  it('delivers once when the hub stops between sending and recording', async () => {
    await fileReports(1);
    const crashing: Destination = {
      name: 'disdik',
      deliver: async (report, key) => {
        await destination.deliver(report, key);
        throw new Error('the hub stopped before recording the answer');
      },
    };
    await worker({ destination: crashing }).tick();
    assert.equal((await rows())[0]?.state, 'pending');
    await drain(worker());
    assert.equal((await rows())[0]?.state, 'delivered');
    assert.equal((await rows())[0]?.externalRef, 'DISDIK-1', 'the "already have it" answer counts, with its reference');
    assert.equal(peer.filed.size, 1);
  });

  it('never sends one delivery from two workers at once', async () => {
    await fileReports(4);
    peer.faults.delayMs = 100;
    const [a, b] = [worker(), worker()];
    const delivered = await Promise.all([a.tick(), b.tick()]);
    assert.equal(delivered[0] + delivered[1], 4);
    assert.equal(peer.received.length, 4);
  });

  it('parks a delivery for the operator after too many failures, or at once when it is refused', async () => {
    peer.faults.failNext = 100;
    await fileReports(1);
    await drain(worker({ maxAttempts: 3 }));
    assert.equal((await rows())[0]?.state, 'needs_attention');
    assert.equal((await rows())[0]?.attempts, 3);

    peer.faults.failNext = 1;
    peer.faults.failStatus = 400;
    await fileReports(1);
    await worker().tick();
    assert.equal((await rows())[1]?.state, 'needs_attention');
    assert.equal((await rows())[1]?.attempts, 1);
  });

  it('keeps a delivery to a destination not yet configured waiting, uncounted, until it is', async () => {
    const { deliveries } = hub.db.$tables;
    await fileReports(1);
    const unconfigured = new OutboxWorker(
      {
        db: hub.db,
        directory: hub.directory,
        regions: hub.regions,
        keyring: testKeyring,
        clock: hub.clock,
        routing: createRouting(routingFile.parse({})),
      },
      { maxAttempts: 1 },
    );
    await hub.db.update(deliveries).set({ destination: 'lapor' });
    for (let i = 0; i < 3; i++) await unconfigured.tick(new Date(hub.clock().getTime() + i * 600_000));
    assert.equal((await rows())[0]?.state, 'pending');
    assert.equal((await rows())[0]?.attempts, 0);
    assert.match((await rows())[0]?.lastError ?? '', /no destination named lapor/);
  });

  it('spreads retries with jitter under an exponential ceiling', async () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    assert.equal(
      retryDelay(1, options, () => 0),
      500,
    );
    assert.equal(
      retryDelay(1, options, () => 1),
      1000,
    );
    assert.equal(
      retryDelay(3, options, () => 1),
      4000,
    );
    assert.equal(
      retryDelay(20, options, () => 1),
      10_000,
    );
  });
});

describe('events from a destination', () => {
  async function delivered() {
    const [trackingId] = await fileReports(1);
    await worker().tick();
    return trackingId ?? '';
  }
  const send = (event: object, headers?: Record<string, string>) => {
    const body = JSON.stringify(event);
    return hub.app.request('/api/v1/destinations/disdik/events', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', ...(headers ?? signedHeaders(SECRET, body)) },
    });
  };

  it('move the report, by our Tracking ID or their reference, and carry responses', async () => {
    const trackingId = await delivered();
    assert.equal((await send({ eventId: 'e1', report: 'DISDIK-1', type: 'status', status: 'verified' })).status, 200);
    const forwarded = {
      eventId: 'e2',
      report: trackingId,
      type: 'status',
      status: 'forwarded',
      institution: 'kemenperin',
    };
    assert.equal((await send(forwarded)).status, 200);
    const response = 'Pungutan telah dihentikan dan uang dikembalikan kepada wali murid.';
    assert.equal((await send({ eventId: 'e3', report: trackingId, type: 'message', note: response })).status, 200);
    const view = await (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();
    assert.equal(view.status, 'forwarded');
    assert.deepEqual(view.institution, { id: 'kemenperin', name: 'Kementerian Perindustrian' }, 'passed on');
    assert.deepEqual(view.timeline.at(-1), {
      at: view.timeline.at(-1).at,
      type: 'message',
      actor: 'institution',
      note: response,
    });
  });

  it('link a report to the earlier one it repeats, by either one’s reference, once', async () => {
    const original = await delivered();
    const repeat = await delivered();
    const duplicate = { eventId: 'd1', report: repeat, type: 'duplicate', original: 'DISDIK-1' };
    assert.equal((await send(duplicate)).status, 200);
    const view = await (await hub.app.request(`/api/v1/reports/${repeat}`)).json();
    assert.equal(view.duplicateOf, original, 'its reference at the destination named the original');
    assert.equal(view.timeline.at(-1).type, 'duplicate');
    assert.equal(view.timeline.at(-1).reference, original);
    assert.equal((await send(duplicate)).status, 409, 'replayed');
    const without = await send({ eventId: 'd2', report: repeat, type: 'duplicate' });
    assert.equal(without.status, 400);
    assert.ok((await without.json()).error.fields.original);
    const itself = await send({ eventId: 'd3', report: original, type: 'duplicate', original: repeat });
    assert.equal(itself.status, 400, 'the original cannot repeat its own duplicate');
  });

  it('refuse unsigned, wrongly signed, stale and replayed events, and moves the workflow forbids', async () => {
    const { reports } = hub.db.$tables;
    await delivered();
    const event = { eventId: 'e1', report: 'DISDIK-1', type: 'status', status: 'verified' };
    assert.equal((await send(event, {})).status, 401);
    assert.equal((await send(event, signedHeaders('another-secret-entirely', JSON.stringify(event)))).status, 401);
    assert.equal(
      (await send(event, signedHeaders(SECRET, JSON.stringify(event), Date.now() - 10 * 60_000))).status,
      401,
    );
    assert.equal((await send(event)).status, 200);
    const replay = await send(event);
    assert.equal(replay.status, 409);
    assert.equal((await replay.json()).error.code, 'event_replayed');
    const jump = await send({ eventId: 'e2', report: 'DISDIK-1', type: 'status', status: 'finished' });
    assert.equal(jump.status, 409);
    assert.equal((await jump.json()).error.code, 'invalid_transition');
    const [report] = await hub.db.select().from(reports).where(eq(reports.id, 1));
    assert.equal(report?.status, 'verified');
  });

  it('refuse a time before the report or after now; a polled one is kept at the nearest possible time', async () => {
    const trackingId = await delivered();
    for (const at of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      const res = await send({ eventId: `e-${at}`, report: trackingId, type: 'status', status: 'verified', at });
      assert.equal(res.status, 400, at);
      assert.equal((await res.json()).error.fields.at.code, 'out_of_range');
    }
    const polled = {
      eventId: 'p1',
      report: trackingId,
      type: 'status',
      status: 'verified',
      at: '0001-01-01T00:00:00Z',
    } as const;
    await applyInboundEvent(hub.db, 'disdik', polled, {
      keyring: testKeyring,
      now: hub.clock(),
      impossibleTime: 'clamp',
    });
    const view = await (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();
    assert.equal(view.status, 'verified');
    assert.equal(view.timeline.at(-1).at, view.createdAt);
  });

  it('break no view and no overdue list when an impossible time is already stored', async () => {
    const { reportEvents, reports } = hub.db.$tables;
    const trackingId = await delivered();
    const [report] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    assert.ok(report);
    for (const [status, at] of [
      ['verified', '0001-01-01T00:00:00Z'],
      ['forwarded', '9999-12-31T23:59:59Z'],
    ] as const) {
      await hub.db
        .insert(reportEvents)
        .values({ reportId: report.id, at: new Date(at), type: 'status', actor: 'institution', status });
    }
    await hub.db.update(reports).set({ status: 'forwarded' }).where(eq(reports.id, report.id));
    const res = await hub.app.request(`/api/v1/reports/${trackingId}`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).deadline.kind, 'follow_up');
    const monthLater = new Date(hub.clock().getTime() + 30 * 86_400_000);
    const overdue = await overdueReports({ ...hub, calendar: testCalendar }, monthLater);
    assert.deepEqual(
      overdue.map((r) => [r.trackingId, r.deadline.kind]),
      [[trackingId, 'follow_up']],
    );
  });

  it('refuse a destination without events, and a report not delivered to it', async () => {
    await fileReports(1);
    const unknown = await hub.app.request('/api/v1/destinations/lapor/events', { method: 'POST', body: '{}' });
    assert.equal(unknown.status, 404);
    assert.equal(
      (await send({ eventId: 'e1', report: 'LPR-0000-0000-0', type: 'status', status: 'verified' })).status,
      404,
    );
  });
});
