import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Open311 from 'open311';
import { listen } from '../listen';
import { forwardReport, projectAll } from '../testing/published';
import { testApp } from '../testing/test-app';
import { addOpen311Client } from './clients';

/**
 * The hub's Open311 server as a client no one here wrote sees it: Code for
 * America's node-open311 (the npm package `open311`), in JSON mode (its XML
 * helpers cannot be installed: testing/open311-client/README.md), over HTTP.
 */
describe('Open311 through Code for America’s client', () => {
  let hub: Awaited<ReturnType<typeof testApp>>;
  let server: Awaited<ReturnType<typeof listen>>;
  let key: string;
  before(async () => {
    hub = await testApp();
    server = await listen(hub.app.fetch);
    ({ key } = await addOpen311Client(hub.db, { name: 'Aplikasi Aduan Kota' }, hub.clock()));
  });
  after(async () => {
    await server.close();
    await hub.close();
  });

  /** The client's callbacks as a promise: its error argument is false or null when all went well. */
  const call = <T>(run: (callback: (error: unknown, data: unknown) => void) => void) =>
    new Promise<T>((resolve, reject) =>
      run((error, data) => (error ? reject(new Error(`${String(error)}: ${String(data)}`)) : resolve(data as T))),
    );

  it('discovers the endpoint, lists and defines services, files a request and finds it once published', async () => {
    const base = `http://127.0.0.1:${server.port}/open311/v2`;
    const client = new Open311({
      discovery: `${base}/discovery.json`,
      jurisdiction: 'smk-smak-makassar',
      apiKey: key,
    });
    await call((done) => client.serviceDiscovery({ cache: true }, done));
    assert.equal(client.endpoint, `${base}/`, 'the client took its endpoint from our discovery document');

    const services = await call<{ service_code: string }[]>((done) => client.serviceList(done));
    assert.ok(services.some((service) => service.service_code === 'pendidikan-kebudayaan'));
    const definition = await call<{ attributes: { code: string }[] }>((done) =>
      client.serviceDefinition('pendidikan-kebudayaan', done),
    );
    assert.deepEqual(
      definition.attributes.map((attribute) => attribute.code),
      ['kind', 'title', 'incident_date', 'anonymous', 'confidential'],
    );

    const [created] = await call<{ service_request_id: string }[]>((done) =>
      client.submitRequest(
        {
          service_code: 'pendidikan-kebudayaan',
          description: 'Wali murid diminta membayar uang seragam Rp400.000 tanpa kuitansi saat daftar ulang.',
          address_string: 'SMK SMAK Makassar',
          address_id: '73.71',
          email: 'wali.murid@example.id',
          attributes: { kind: 'pengaduan', title: 'Uang seragam tanpa kuitansi', incident_date: '2026-11-09' },
        },
        done,
      ),
    );
    const trackingId = created?.service_request_id ?? '';
    assert.match(trackingId, /^LPR-/);

    const { reports } = hub.db.$tables;
    const [stored] = (await hub.db.select().from(reports)).filter((report) => report.trackingId === trackingId);
    assert.ok(stored);
    await forwardReport(hub, stored.id);
    await projectAll(hub);

    const [one] = await call<{ service_request_id: string; status: string; description: string }[]>((done) =>
      client.serviceRequests(trackingId, done),
    );
    assert.equal(one?.service_request_id, trackingId);
    assert.equal(one?.status, 'open');
    assert.match(one?.description ?? '', /seragam/);
    assert.ok(!JSON.stringify(one).includes('wali.murid@example.id'));
    const open = await call<{ service_request_id: string }[]>((done) =>
      client.serviceRequests({ status: 'open' }, done),
    );
    assert.deepEqual(
      open.map((request) => request.service_request_id),
      [trackingId],
    );
  });
});
