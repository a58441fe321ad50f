import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { listen } from '../listen';
import { createNationalDesk } from '../national-desk/national-desk';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import type { Destination, OutgoingReport } from './destination';
import { laporDestination, toNational } from './lapor';
import { createRouting, routingFile } from './routing';
import { OutboxWorker } from './worker';

const TOKEN = 'token-from-kemenpanrb';
let desk: ReturnType<typeof createNationalDesk>;
let closeDesk: () => Promise<void>;
let baseUrl: string;
let hub: Awaited<ReturnType<typeof testApp>>;

beforeEach(async () => {
  desk = createNationalDesk({ token: TOKEN });
  const listening = await listen(desk.app.fetch);
  closeDesk = listening.close;
  baseUrl = `http://127.0.0.1:${listening.port}/api/`;
  hub = await testApp({
    routing: createRouting(routingFile.parse({}), [laporDestination({ name: 'lapor', baseUrl, token: TOKEN })]),
  });
});
afterEach(async () => {
  await hub.close();
  await closeDesk();
});

function worker(destination: Destination = laporDestination({ name: 'lapor', baseUrl, token: TOKEN })) {
  return new OutboxWorker(
    {
      db: hub.db,
      directory: hub.directory,
      regions: hub.regions,
      keyring: testKeyring,
      clock: hub.clock,
      routing: createRouting(routingFile.parse({}), [destination]),
    },
    { pollIntervalMs: 0, baseDelayMs: 1 },
  );
}

async function file(body: object = sampleReport): Promise<{ trackingId: string; receipt: string }> {
  return (await postJson(hub.app, '/api/v1/reports', body)).json();
}
const view = async (trackingId: string) => (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();

describe('the SP4N-LAPOR! connector, against a local national desk', () => {
  it('files a report once, keeps the national Tracking ID, and follows its progress', async () => {
    const { deliveries } = hub.db.$tables;
    const { trackingId } = await file();
    const w = worker();
    await w.tick();
    const [delivery] = await hub.db.select().from(deliveries).orderBy(deliveries.id);
    assert.equal(delivery?.externalRef, '2026001');
    assert.equal((await view(trackingId)).status, 'submitted');
    assert.equal((await view(trackingId)).sentTo, 'sp4n-lapor');

    const steps: [string, string, string?][] = [
      ['VERIFIKASI', 'verified'],
      ['DISPOSISI', 'forwarded'],
      ['TINDAK_LANJUT', 'followed_up', 'Biaya daftar ulang dibatalkan; uang dikembalikan kepada wali murid.'],
      ['SELESAI', 'finished'],
    ];
    for (const [national, ours, response] of steps) {
      assert.ok(desk.act('2026001', national, response));
      await w.tick();
      const current = await view(trackingId);
      assert.equal(current.status, ours, national);
      if (response) assert.equal(current.timeline.at(-1).note, response);
    }
    await w.tick();
    assert.equal((await view(trackingId)).timeline.length, 6, 'each national step once');
  });

  it('follows a disposition to another institution, known to our directory or not', async () => {
    const lapor = laporDestination({ name: 'lapor', baseUrl, token: TOKEN, institutionCodes: { kemenperin: 'K-019' } });
    const w = worker(lapor);
    const first = await file();
    const second = await file();
    await w.tick();
    // Reports are delivered side by side: find each one's national number by our Tracking ID.
    const nationalIdOf = (trackingId: string) =>
      [...desk.reports.values()].find((r) => r.partnerRef === trackingId)?.trackingId ?? '';
    for (const [nationalId, instansi] of [
      [nationalIdOf(first.trackingId), 'K-019'],
      [nationalIdOf(second.trackingId), 'Dinas Pendidikan Provinsi Sulawesi Selatan'],
    ] as const) {
      desk.act(nationalId, 'VERIFIKASI');
      assert.ok(desk.act(nationalId, 'DISPOSISI', undefined, instansi));
    }
    await w.tick();

    const known = await view(first.trackingId);
    assert.equal(known.status, 'forwarded');
    assert.deepEqual(known.institution, { id: 'kemenperin', name: 'Kementerian Perindustrian' });
    assert.deepEqual(known.timeline.at(-1).institution, known.institution);
    const outside = await view(second.trackingId);
    const name = 'Dinas Pendidikan Provinsi Sulawesi Selatan';
    assert.deepEqual(outside.institution, { id: name, name });
    assert.equal(outside.timeline.find((e: { status?: string }) => e.status === 'verified').institution, undefined);
  });

  it('passes a reporter’s comment and reopening on, without echoing them back', async () => {
    const { trackingId, receipt } = await file();
    const w = worker();
    await w.tick();
    for (const step of ['VERIFIKASI', 'DISPOSISI']) desk.act('2026001', step);
    desk.act('2026001', 'TINDAK_LANJUT', 'Sudah ditangani.');
    await w.tick();
    const asReporter = (path: string, body: object) =>
      hub.app.request(`/api/v1/reports/${trackingId}/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` },
        body: JSON.stringify(body),
      });
    assert.equal((await asReporter('comments', { text: 'Kuitansi resmi tetap tidak diberikan.' })).status, 201);
    assert.equal((await asReporter('reopen', { reason: 'Pungutan masih diminta minggu ini.' })).status, 201);
    await w.tick();
    await w.tick();
    const national = desk.reports.get('2026001');
    assert.deepEqual(
      national?.actions.map((a) => a.jenis),
      ['KOMENTAR', 'BUKA_KEMBALI'],
    );
    assert.equal(desk.status(national ?? ({} as never)), 'DIBUKA_KEMBALI');
    assert.equal((await view(trackingId)).status, 'reopened');
    desk.act('2026001', 'TINDAK_LANJUT', 'Petugas telah diberi sanksi.');
    await w.tick();
    assert.equal((await view(trackingId)).status, 'followed_up');
  });

  it('keeps following its reports when many others went to destinations that are not polled', async () => {
    const { deliveries } = hub.db.$tables;
    const webhook: Destination = {
      name: 'disdik',
      deliver: async (report) => ({ externalRef: `D-${report.trackingId}` }),
    };
    const lapor = laporDestination({ name: 'lapor', baseUrl, token: TOKEN });
    const routing = createRouting(routingFile.parse({}), [lapor, webhook]);
    const w = new OutboxWorker(
      { db: hub.db, directory: hub.directory, regions: hub.regions, keyring: testKeyring, routing, clock: hub.clock },
      { pollIntervalMs: 0, batch: 5 },
    );
    for (let i = 0; i < 12; i++) await file();
    await hub.db.update(deliveries).set({ destination: 'disdik' });
    await w.tick();
    await w.tick();
    await w.tick();
    const { trackingId } = await file();
    // Emails waiting for a mailer share the batches too; a few passes clear them out of the way.
    for (let i = 0; i < 5 && !desk.reports.size; i++) await w.tick();
    desk.act('2026001', 'VERIFIKASI');
    for (let i = 0; i < 3; i++) await w.tick();
    assert.equal((await view(trackingId)).status, 'verified');
  });

  it('sends the anonim and rahasia flags, and no reporter for an anonymous report', async () => {
    await file({ ...sampleReport, anonymous: true, confidential: true });
    await worker().tick();
    const national = desk.reports.get('2026001');
    assert.equal(national?.anonymous, true);
    assert.equal(national?.confidential, true);
    const outgoing: OutgoingReport = {
      kind: 'pengaduan',
      title: sampleReport.title,
      body: sampleReport.body,
      incidentDate: sampleReport.incidentDate,
      trackingId: 'LPR-0000-0000-0',
      institution: { id: 'kemenperin', name: 'Kementerian Perindustrian' },
      attachments: [],
      createdAt: '2026-11-23T00:00:00.000Z',
      anonymous: true,
      confidential: true,
      location: { text: 'Makassar' },
    };
    assert.equal(toNational(outgoing).pelapor, null);
    assert.equal(toNational(outgoing, { kemenperin: 'K-019' }).instansi_tujuan, 'K-019');
  });

  it('retries when the national system is busy, and files once when the hub stopped before recording', async () => {
    const { deliveries } = hub.db.$tables;
    desk.faults.failNext = 1;
    await file();
    const real = laporDestination({ name: 'lapor', baseUrl, token: TOKEN });
    await worker().tick();
    const lost: Destination = {
      name: 'lapor',
      deliver: async (report, key) => {
        await real.deliver(report, key);
        throw new Error('stopped before recording');
      },
    };
    await worker(lost).tick(new Date(hub.clock().getTime() + 60_000));
    await worker().tick(new Date(hub.clock().getTime() + 120_000));
    const [delivery] = await hub.db.select().from(deliveries).orderBy(deliveries.id);
    assert.equal(delivery?.state, 'delivered');
    assert.equal(delivery?.externalRef, '2026001');
    assert.equal(desk.reports.size, 1);
  });

  it('parks deliveries for the operator when the token is refused', async () => {
    const { deliveries } = hub.db.$tables;
    await file();
    await worker(laporDestination({ name: 'lapor', baseUrl, token: 'wrong' })).tick();
    const [delivery] = await hub.db.select().from(deliveries).orderBy(deliveries.id);
    assert.equal(delivery?.state, 'needs_attention');
    assert.match(delivery?.lastError ?? '', /token/);
  });
});
