import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { addOpen311Client, revokeOpen311Client } from '../open311/clients';
import { operatorView } from '../operator/operator';
import { fileReport, forwardReport, projectAll } from '../testing/published';
import { testApp, testCalendar, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { recordMessage, recordTransition } from '../workflow/transitions';

let hub: Awaited<ReturnType<typeof testApp>>;
let clock: TestClock;
beforeEach(async () => {
  clock = testClock('2026-11-16T03:00:00Z');
  hub = await testApp({ clock });
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

const V2 = '/open311/v2';
const xml = new XMLParser({
  isArray: (name) =>
    ['service', 'request', 'request_update', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

async function json<T = unknown>(path: string, status = 200): Promise<T> {
  const res = await hub.app.request(`${V2}${path}`);
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  return res.json() as Promise<T>;
}

async function fromXml(path: string, status = 200) {
  const res = await hub.app.request(`${V2}${path}`);
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /text\/xml/);
  const text = await res.text();
  assert.match(text, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  return xml.parse(text);
}

interface Request {
  service_request_id: string;
  status: string;
  description: string;
  expected_datetime: string;
  agency_responsible: string;
  address: string;
  service_code: string;
}

/** A report filed, forwarded by the national workflow and published; its Tracking ID. */
async function published(extra: object = {}) {
  const { id, trackingId } = await fileReport(hub, extra);
  await forwardReport(hub, id);
  await projectAll(hub);
  return trackingId;
}

describe('Open311 GeoReport v2', () => {
  it('describes itself: discovery, our categories as services, and what a report needs beyond Open311', async () => {
    const discovery = await json<{ endpoints: { url: string; formats: string[]; specification: string }[] }>(
      '/discovery.json',
    );
    assert.equal(discovery.endpoints[0]?.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.match(discovery.endpoints[0]?.url ?? '', /\/open311\/v2$/);
    assert.deepEqual(discovery.endpoints[0]?.formats, ['application/json', 'text/xml']);
    const inXml = await fromXml('/discovery.xml');
    assert.deepEqual(inXml.discovery.endpoints.endpoint[0].formats.format, ['application/json', 'text/xml']);

    const services = await json<{ service_code: string; service_name: string; metadata: boolean }[]>(
      '/services.json?jurisdiction_id=smk-smak-makassar',
    );
    const categories = await hub.directory.categories();
    assert.ok(categories.length >= 5);
    assert.deepEqual(
      services.map((s) => s.service_code),
      categories.map((c) => c.id),
    );
    assert.ok(services.every((s) => s.metadata === true));
    const servicesXml = await fromXml('/services.xml');
    assert.deepEqual(
      servicesXml.services.service.map((s: { service_code: string }) => s.service_code),
      categories.map((c) => c.id),
    );
    assert.equal(servicesXml.services.service[0].metadata, true);

    const definition = await json<{ service_code: string; attributes: { code: string; required: boolean }[] }>(
      '/services/pendidikan-kebudayaan.json',
    );
    assert.equal(definition.service_code, 'pendidikan-kebudayaan');
    assert.deepEqual(
      definition.attributes.filter((a) => a.required).map((a) => a.code),
      ['kind', 'title', 'incident_date'],
    );
    const definitionXml = await fromXml('/services/pendidikan-kebudayaan.xml');
    const kind = definitionXml.service_definition.attributes.attribute[0];
    assert.equal(kind.code, 'kind');
    assert.deepEqual(
      kind.values.value.map((v: { key: string }) => v.key),
      ['pengaduan', 'aspirasi', 'informasi'],
    );
  });

  it('refuses with the specification’s error document, in the format asked', async () => {
    const [missing] = await json<{ code: number; description: string }[]>('/services/tidak-ada.json', 404);
    assert.equal(missing?.code, 404);
    assert.match(missing?.description ?? '', /tidak-ada/);
    const unknown = await fromXml('/services.xml?jurisdiction_id=tidak-ada', 404);
    assert.equal(unknown.errors.error[0].code, 404);
    assert.match(unknown.errors.error[0].description, /jurisdiction_id tidak-ada/);
    const wide = await json<{ description: string }[]>(
      '/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-16T00:00:00Z',
      400,
    );
    assert.match(wide[0]?.description ?? '', /90 days/);
    await json('/requests.json?status=pending', 400);
    await json('/requests.json?start_date=kemarin', 400);
    await fromXml('/tidak-ada.xml', 404);
  });

  it('serves published reports as service requests: public fields only, deadlines as expected_datetime', async () => {
    const levy = await published({
      title: 'Pungli daftar ulang, hubungi 0812-3456-7890',
      body: 'Saya Andi Pratama (NIK 7371010101900001, andi@example.id) diminta membayar Rp250.000 tanpa kuitansi.',
      anonymous: true,
    });
    const secret = await published({ title: 'Laporan rahasia tentang guru', confidential: true });
    const { trackingId: waiting } = await fileReport(hub, { title: 'Belum diteruskan ke instansi' });
    clock.advance(86_400_000);
    const road = await published({
      title: 'Jalan rusak di depan kantor',
      institutionId: 'kemenkes',
      categoryId: undefined,
    });

    const all = await json<Request[]>('/requests.json');
    assert.deepEqual(
      all.map((r) => r.service_request_id),
      [road, levy],
      'the newest first; never a confidential report, never one not yet forwarded',
    );
    const [, levyRequest] = all;
    assert.ok(levyRequest);
    assert.equal(levyRequest.status, 'open');
    assert.equal(levyRequest.agency_responsible.length > 0, true);
    assert.equal(levyRequest.service_code, 'pendidikan-kebudayaan');
    assert.match(levyRequest.address, /Makassar/);
    assert.match(levyRequest.description, /daftar ulang/);
    assert.match(levyRequest.expected_datetime, /^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/, 'Makassar’s time');
    const text = JSON.stringify(all);
    for (const hidden of ['0812-3456-7890', '7371010101900001', 'andi@example.id', 'Andi Pratama', secret, waiting]) {
      assert.ok(!text.includes(hidden), hidden);
    }

    const inXml = await fromXml('/requests.xml');
    assert.deepEqual(
      inXml.service_requests.request.map((r: Request) => r.service_request_id),
      [road, levy],
    );

    assert.deepEqual(
      (await json<Request[]>('/requests.json?jurisdiction_id=kemenperin')).map((r) => r.service_request_id),
      [levy],
      'a jurisdiction holds the reports of the institutions under it',
    );
    assert.deepEqual(
      (await json<Request[]>('/requests.json?service_code=pendidikan-kebudayaan')).map((r) => r.service_request_id),
      [levy],
    );
    assert.deepEqual(
      (await json<Request[]>('/requests.json?end_date=2026-11-16T12:00:00Z')).map((r) => r.service_request_id),
      [levy],
      'the window ends where asked',
    );
    assert.deepEqual(await json<Request[]>('/requests.json?status=closed'), []);
    assert.equal((await json<Request[]>('/requests.json?status=open,closed')).length, 2);
    assert.deepEqual(
      (await json<Request[]>(`/requests.json?service_request_id=${levy},${secret}`)).map((r) => r.service_request_id),
      [levy],
    );

    const [one] = await json<Request[]>(`/requests/${levy}.json`);
    assert.equal(one?.service_request_id, levy);
    const oneXml = await fromXml(`/requests/${road}.xml`);
    assert.equal(oneXml.service_requests.request[0].service_request_id, road);
    await json(`/requests/${secret}.json`, 404);
    await json(`/requests/${waiting}.json`, 404);
  });

  /** Posts a service request as an Open311 client does: a form. */
  const post = (format: 'json' | 'xml', form: Record<string, string>) =>
    hub.app.request(`${V2}/requests.${format}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  const REQUEST = {
    jurisdiction_id: 'smk-smak-makassar',
    service_code: 'pendidikan-kebudayaan',
    description: 'Wali murid kelas X diminta membayar Rp250.000 saat daftar ulang tanpa kuitansi resmi dari sekolah.',
    address_string: 'Ruang Tata Usaha, Jl. Merdeka 5',
    address_id: '73.71',
    'attribute[kind]': 'pengaduan',
    'attribute[title]': 'Pungutan saat daftar ulang',
    'attribute[incident_date]': '2026-11-10T09:00:00+08:00',
    'attribute[anonymous]': 'true',
    first_name: 'Sitti',
    last_name: 'Rahmawati',
    email: 'sitti.warga@example.id',
    phone: '081355512345',
  };

  it('files a service request from a client with a key, by the form’s rules, into the same workflow', async () => {
    const { key } = await addOpen311Client(hub.db, { name: 'Aplikasi Aduan Kota' }, clock());
    const [noKey] = (await (await post('json', REQUEST)).json()) as { code: number; description: string }[];
    assert.equal(noKey?.code, 403);
    assert.match(noKey?.description ?? '', /api_key is required/);
    const wrong = await post('xml', { ...REQUEST, api_key: `${key}x` });
    assert.equal(wrong.status, 403);
    assert.match(await wrong.text(), /<errors><error><code>403<\/code><description>api_key is not valid/);

    const invalid = await post('json', {
      ...REQUEST,
      api_key: key,
      'attribute[title]': 'Pungli',
      description: '',
      'attribute[kind]': 'keluhan',
    });
    assert.equal(invalid.status, 400);
    const problems = ((await invalid.json()) as { description: string }[]).map((e) => e.description.split(':')[0]);
    assert.deepEqual(problems.sort(), ['attribute[kind]', 'attribute[title]', 'description']);
    const unknown = await post('json', { ...REQUEST, api_key: key, jurisdiction_id: 'tidak-ada' });
    assert.equal(unknown.status, 400);
    assert.match(JSON.stringify(await unknown.json()), /jurisdiction_id/);
    const nowhere = await post('json', { ...REQUEST, api_key: key, address_string: '', address_id: '' });
    assert.equal(nowhere.status, 400);

    const res = await post('json', { ...REQUEST, api_key: key });
    assert.equal(res.status, 201, await res.clone().text());
    const [answer] = (await res.json()) as { service_request_id: string }[];
    const trackingId = answer?.service_request_id ?? '';
    assert.match(trackingId, /^LPR-/);
    const { reports, deliveries } = hub.db.$tables;
    const [stored] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    assert.ok(stored);
    assert.equal(stored.institutionId, 'smk-smak-makassar');
    assert.equal(stored.incidentDate, '2026-11-10');
    assert.equal(stored.anonymous, true);
    const viewDeps = {
      db: hub.db,
      directory: hub.directory,
      regions: hub.regions,
      keyring: testKeyring,
      calendar: testCalendar,
    };
    const asOperator = await operatorView(viewDeps, trackingId, clock());
    assert.deepEqual([asOperator.channel, asOperator.channelSource], ['open311', 'Aplikasi Aduan Kota']);
    assert.ok(stored.reporterEmail, 'the contact is kept');
    assert.ok(!JSON.stringify(stored).includes('sitti.warga@example.id'), 'sealed, as every reporter’s contact');
    assert.ok(!JSON.stringify(stored).includes('081355512345'));
    const queued = await hub.db.select().from(deliveries).where(eq(deliveries.reportId, stored.id));
    assert.equal(queued.length, 1, 'on its way into the national workflow, as a report from the form');

    await forwardReport(hub, stored.id);
    await projectAll(hub);
    const [shown] = await json<Request[]>(`/requests/${trackingId}.json`);
    assert.equal(shown?.service_request_id, trackingId);
    const text = JSON.stringify(shown);
    for (const hidden of ['Sitti', 'Rahmawati', 'sitti.warga@example.id', '081355512345', 'Jl. Merdeka']) {
      assert.ok(!text.includes(hidden), hidden);
    }

    const inXml = await post('xml', { ...REQUEST, api_key: key, 'attribute[anonymous]': 'false' });
    assert.equal(inXml.status, 201);
    assert.match(xml.parse(await inXml.text()).service_requests.request[0].service_request_id, /^LPR-/);
  });

  it('refuses a revoked key, and a client bound to an institution filing for another', async () => {
    const { client, key } = await addOpen311Client(
      hub.db,
      { name: 'Sistem Sekolah', institutionId: 'kemenperin' },
      clock(),
    );
    assert.equal((await post('json', { ...REQUEST, api_key: key })).status, 201, 'a school under its ministry');
    const elsewhere = await post('json', { ...REQUEST, api_key: key, jurisdiction_id: 'kemenkes' });
    assert.equal(elsewhere.status, 403);
    assert.match(JSON.stringify(await elsewhere.json()), /kemenperin/);
    assert.equal(await revokeOpen311Client(hub.db, client.id, clock()), true);
    assert.equal((await post('json', { ...REQUEST, api_key: key })).status, 403);
  });

  it('gives what happened to published reports as servicerequestupdates, as the tracker shows it to anyone', async () => {
    const { id, trackingId } = await fileReport(hub, { anonymous: true });
    await forwardReport(hub, id);
    clock.advance(3_600_000);
    await recordMessage(hub.db, testKeyring, id, {
      actor: 'institution',
      note: 'Sudah kami periksa bersama Andi Pratama (NIK 7371010101900001); uang dikembalikan.',
      at: clock(),
    });
    clock.advance(3_600_000);
    await recordTransition(hub.db, testKeyring, id, { to: 'followed_up', actor: 'institution', at: clock() });
    await recordTransition(hub.db, testKeyring, id, { to: 'finished', actor: 'institution', at: clock() });
    const secret = await fileReport(hub, { confidential: true });
    await forwardReport(hub, secret.id);
    await projectAll(hub);

    type Update = { service_request_id: string; status: string; description: string; updated_datetime: string };
    const updates = await json<Update[]>('/servicerequestupdates.json');
    assert.ok(updates.length >= 5, JSON.stringify(updates));
    assert.ok(
      updates.every((update) => update.service_request_id === trackingId),
      'never a confidential report’s',
    );
    const times = updates.map((update) => update.updated_datetime);
    assert.deepEqual(times, [...times].sort().reverse(), 'the newest first');
    assert.equal(updates[0]?.status, 'closed');
    assert.match(updates[0]?.description ?? '', /^selesai/);
    assert.equal(updates.at(-1)?.status, 'open');
    const response = updates.find((update) => update.description.includes('uang dikembalikan'));
    assert.ok(response, 'the institution’s response');
    for (const hidden of ['Andi Pratama', '7371010101900001']) {
      assert.ok(!response.description.includes(hidden), hidden);
    }
    const inXml = await fromXml('/servicerequestupdates.xml');
    assert.equal(inXml.service_request_updates.request_update.length, updates.length);
    const later = await json<Update[]>(
      `/servicerequestupdates.json?start_date=${encodeURIComponent(updates[1]?.updated_datetime ?? '')}`,
    );
    assert.deepEqual(
      later.map((update) => update.updated_datetime),
      times.slice(0, 2),
      'from the start of the window',
    );
    await json('/servicerequestupdates.json?jurisdiction_id=tidak-ada', 404);
  });
});
