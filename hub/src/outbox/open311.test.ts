import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import { startOpen311Peer } from '../testing/open311-peer';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import type { Destination } from './destination';
import { open311Destination } from './open311';
import { createRouting, routingFile } from './routing';
import { OutboxWorker } from './worker';

const KEY = 'city-api-key';
let peer: Awaited<ReturnType<typeof startOpen311Peer>> | undefined;
let hub: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(async () => {
  await hub?.close();
  await peer?.close();
});

async function setUp(tokenMode = false) {
  peer = await startOpen311Peer(KEY, { tokenMode });
  const destination = open311Destination({
    name: 'kota',
    endpoint: peer.endpoint,
    apiKey: KEY,
    serviceCodes: { 'pendidikan-kebudayaan': 'EDU' },
    defaultServiceCode: 'OTHER',
  });
  const routing = createRouting(routingFile.parse({ default: 'kota' }), [destination]);
  const app = await testApp({ routing });
  hub = app;
  const worker = (d: Destination = destination) =>
    new OutboxWorker(
      {
        db: app.db,
        directory: app.directory,
        regions: app.regions,
        keyring: testKeyring,
        clock: app.clock,
        routing: createRouting(routingFile.parse({ default: 'kota' }), [d]),
        publicUrl: 'https://lapor.example.go.id',
      },
      { pollIntervalMs: 0 },
    );
  return { app, destination, worker, peer };
}

const view = async (trackingId: string) => (await hub?.app.request(`/api/v1/reports/${trackingId}`))?.json();
const reportDelivery = async () => {
  assert.ok(hub);
  const { deliveries } = hub.db.$tables;
  return (await hub.db.select().from(deliveries).orderBy(deliveries.id)).find((d) => d.kind === 'report');
};

describe('the Open311 destination, against a GeoReport v2 peer', () => {
  it('files a service request with the category’s code, and follows it to its close', async () => {
    const { app, worker, peer } = await setUp();
    const { trackingId } = await (await postJson(app.app, '/api/v1/reports', sampleReport)).json();
    const w = worker();
    await w.tick();
    const [request] = peer.requests;
    assert.equal((await reportDelivery())?.externalRef, request?.service_request_id);
    assert.equal(request?.service_code, 'EDU');
    assert.ok(request?.description.startsWith(`[${trackingId}] ${sampleReport.title}`));
    assert.equal(request?.address_string, 'Ruang Tata Usaha, SMK SMAK Makassar, Kota Makassar, Sulawesi Selatan');
    assert.equal(request?.email, 'andi@example.id');

    await w.tick();
    assert.equal((await view(trackingId)).status, 'forwarded');
    peer.note(request?.service_request_id ?? '', 'Sedang diperiksa oleh dinas.');
    await w.tick();
    assert.equal((await view(trackingId)).timeline.at(-1).note, 'Sedang diperiksa oleh dinas.');
    peer.closeRequest(request?.service_request_id ?? '', 'Biaya telah dikembalikan.');
    await w.tick();
    const closed = await view(trackingId);
    assert.equal(closed.status, 'followed_up');
    assert.equal(closed.timeline.at(-1).note, 'Biaya telah dikembalikan.');
    await w.tick();
    assert.equal((await view(trackingId)).timeline.length, closed.timeline.length, 'nothing twice');
  });

  it('gives a public report’s photo as media_url', async () => {
    const { app, worker, peer } = await setUp();
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport));
    form.append(
      'attachments',
      new File([readFileSync(new URL('../attachments/fixtures/photo.png', import.meta.url))], 'jalan.png'),
    );
    const { trackingId } = await (await app.app.request('/api/v1/reports', { method: 'POST', body: form })).json();
    await worker().tick();
    const url = new URL(peer.requests[0]?.media_url ?? '');
    assert.equal(url.origin, 'https://lapor.example.go.id');
    assert.match(url.pathname, new RegExp(`^/api/v1/reports/${trackingId}/attachments/`));
    const image = await app.app.request(url.pathname);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
  });

  it('resolves a token into the service request id', async () => {
    const { app, worker, peer } = await setUp(true);
    const { trackingId } = await (await postJson(app.app, '/api/v1/reports', sampleReport)).json();
    const w = worker();
    await w.tick();
    assert.match((await reportDelivery())?.externalRef ?? '', /^token:t-/);
    await w.tick();
    assert.equal((await view(trackingId)).status, 'forwarded');
    peer.closeRequest(peer.requests[0]?.service_request_id ?? '', 'Selesai.');
    await w.tick();
    assert.equal((await view(trackingId)).status, 'followed_up');
  });

  it('files once when the answer was lost, and keeps confidential and anonymous details out', async () => {
    const { app, destination, worker, peer } = await setUp();
    const { deliveries } = app.db.$tables;
    await postJson(app.app, '/api/v1/reports', { ...sampleReport, anonymous: true });
    const lost: Destination = {
      name: 'kota',
      deliver: async (report, key) => {
        await destination.deliver(report, key);
        throw new Error('the answer was lost');
      },
    };
    await worker(lost).tick();
    await worker().tick(new Date(app.clock().getTime() + 60_000));
    assert.equal(peer.requests.length, 1);
    assert.equal((await reportDelivery())?.state, 'delivered');
    assert.equal(peer.requests[0]?.email, undefined);

    await postJson(app.app, '/api/v1/reports', { ...sampleReport, confidential: true });
    await worker().tick();
    const parked = ((await hub?.db.select().from(deliveries).orderBy(deliveries.id)) ?? []).filter(
      (d) => d.kind === 'report',
    )[1];
    assert.equal(parked?.state, 'needs_attention');
    assert.equal(peer.requests.length, 1);
  });
});
