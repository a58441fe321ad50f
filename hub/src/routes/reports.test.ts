import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { parseTrackingId, type ReportCreated, type ReportView } from '../../../contract';
import { listen } from '../listen';
import { postJson, sampleReport, testApp } from '../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

async function file(report: object = sampleReport): Promise<ReportCreated> {
  const res = await postJson(hub.app, '/api/v1/reports', report);
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

function lookup(trackingId: string, receipt?: string) {
  return hub.app.request(`/api/v1/reports/${trackingId}`, {
    headers: receipt === undefined ? {} : { Authorization: `Receipt ${receipt}` },
  });
}

describe('POST /api/v1/reports', () => {
  it('stores a report and answers its Tracking ID and a receipt', async () => {
    const { reports } = hub.db.$tables;
    const created = await file();
    assert.equal(parseTrackingId(created.trackingId).ok, true);
    assert.ok(created.receipt.length >= 40);
    assert.equal(created.status, 'received');
    assert.ok(!Number.isNaN(Date.parse(created.createdAt)));
    const [row] = await hub.db.select().from(reports);
    assert.equal(row?.trackingId, created.trackingId);
    assert.notEqual(row?.receiptHash, created.receipt, 'the receipt is stored only as a hash');
    assert.ok(!JSON.stringify(row).includes(created.receipt));
  });

  it('issues a different Tracking ID and receipt for every report', async () => {
    const a = await file();
    const b = await file();
    assert.notEqual(a.trackingId, b.trackingId);
    assert.notEqual(a.receipt, b.receipt);
  });

  it('answers per-field errors and stores nothing for an invalid report', async () => {
    const { reports } = hub.db.$tables;
    const res = await postJson(hub.app, '/api/v1/reports', { ...sampleReport, title: 'x', incidentDate: '2999-01-01' });
    assert.equal(res.status, 400);
    const { error } = await res.json();
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(Object.keys(error.fields).sort(), ['incidentDate', 'title']);
    assert.equal(error.fields.incidentDate.code, 'future');
    assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 0);
  });

  it('refuses a submission that filled the honeypot, storing nothing', async () => {
    const { reports } = hub.db.$tables;
    const res = await postJson(hub.app, '/api/v1/reports', { ...sampleReport, website: 'http://spam.example' });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'spam_suspected');
    assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 0);
    assert.equal((await postJson(hub.app, '/api/v1/reports', { ...sampleReport, website: '' })).status, 201);
  });

  it('refuses an institution or category missing from the directory', async () => {
    const res = await postJson(hub.app, '/api/v1/reports', {
      ...sampleReport,
      institutionId: 'kementerian-fiktif',
      categoryId: 'topik-fiktif',
    });
    assert.equal(res.status, 400);
    const { error } = await res.json();
    assert.equal(error.fields.institutionId.code, 'unknown_institution');
    assert.equal(error.fields.categoryId.code, 'unknown_category');
  });

  it('answers malformed JSON, other media types and oversized bodies with JSON errors', async () => {
    const broken = await postJson(hub.app, '/api/v1/reports', '{"kind": ');
    assert.equal(broken.status, 400);
    assert.equal((await broken.json()).error.code, 'invalid_json');

    const form = await hub.app.request('/api/v1/reports', {
      method: 'POST',
      body: 'kind=pengaduan',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 415);
    assert.equal((await form.json()).error.code, 'unsupported_media_type');

    const huge = await postJson(hub.app, '/api/v1/reports', { ...sampleReport, body: 'a'.repeat(100_000) });
    assert.equal(huge.status, 413);
    assert.equal((await huge.json()).error.code, 'payload_too_large');
  });
});

describe('POST /api/v1/reports over HTTP', () => {
  it('checks a declared length before reading, and counts a chunked body as it streams', async () => {
    const server = await listen(hub.app.fetch);
    try {
      const url = `http://127.0.0.1:${server.port}/api/v1/reports`;
      const headers = { 'Content-Type': 'application/json' };
      const filed = await fetch(url, { method: 'POST', headers, body: JSON.stringify(sampleReport) });
      assert.equal(filed.status, 201, await filed.clone().text());

      const huge = JSON.stringify({ ...sampleReport, body: 'a'.repeat(100_000) });
      const declared = await fetch(url, { method: 'POST', headers, body: huge });
      assert.equal(declared.status, 413);
      assert.equal((await declared.json()).error.code, 'payload_too_large');

      const bytes = new TextEncoder().encode(huge);
      const chunked = await fetch(url, {
        method: 'POST',
        headers,
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
      assert.equal((await chunked.json()).error.code, 'payload_too_large');
      const { reports } = hub.db.$tables;
      assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 1, 'only the report within the limit');
    } finally {
      await server.close();
    }
  });
});

describe('GET /api/v1/reports/{trackingId}', () => {
  it('shows the public view without contact details, and the reporter view with the receipt', async () => {
    const created = await file();
    const pub: ReportView = await (await lookup(created.trackingId)).json();
    assert.equal(pub.viewer, 'public');
    assert.equal(pub.title, sampleReport.title);
    assert.equal(pub.institution.name, 'SMK SMAK Makassar');
    assert.equal(pub.category?.name, 'Pendidikan dan Kebudayaan');
    assert.deepEqual(pub.reporter, { name: 'Andi Pratama' });
    assert.equal(pub.location?.regionName, 'Kota Makassar, Sulawesi Selatan');
    assert.deepEqual(
      pub.timeline.map((e) => e.status),
      ['received'],
    );

    const res = await lookup(created.trackingId, created.receipt);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const own: ReportView = await res.json();
    assert.equal(own.viewer, 'reporter');
    assert.deepEqual(own.reporter, sampleReport.reporter);
  });

  it('hides a confidential report’s content and its reporter from the public', async () => {
    const created = await file({ ...sampleReport, confidential: true });
    const text = await (await lookup(created.trackingId)).text();
    for (const secret of [
      sampleReport.title,
      sampleReport.body,
      sampleReport.location.text,
      'Andi',
      'andi@example.id',
    ]) {
      assert.ok(!text.includes(secret), `public view leaks ${secret}`);
    }
    const view: ReportView = JSON.parse(text);
    assert.equal(view.status, 'received');
    assert.equal(view.confidential, true);
    const own: ReportView = await (await lookup(created.trackingId, created.receipt)).json();
    assert.equal(own.body, sampleReport.body);
  });

  it('never shows an anonymous reporter publicly', async () => {
    const created = await file({ ...sampleReport, anonymous: true });
    const text = await (await lookup(created.trackingId)).text();
    for (const secret of ['Andi', 'andi@example.id', '081234567890']) assert.ok(!text.includes(secret));
    assert.equal(JSON.parse(text).title, sampleReport.title);
    const own: ReportView = await (await lookup(created.trackingId, created.receipt)).json();
    assert.equal(own.reporter?.name, 'Andi Pratama');
  });

  it('masks personal data in the public view’s text, not in the reporter’s', async () => {
    const body = 'Saya (NIK 7371012304850001, HP 0812-3456-7890) diminta membayar tanpa kuitansi di loket.';
    const created = await file({ ...sampleReport, body });
    const pub: ReportView = await (await lookup(created.trackingId)).json();
    assert.equal(pub.body, 'Saya (NIK 7371************, HP 0812********) diminta membayar tanpa kuitansi di loket.');
    const own: ReportView = await (await lookup(created.trackingId, created.receipt)).json();
    assert.equal(own.body, body);
  });

  it('finds a report by a loosely typed Tracking ID', async () => {
    const created = await file();
    const res = await lookup(created.trackingId.replaceAll('-', '').toLowerCase());
    assert.equal(res.status, 200);
    assert.equal((await res.json()).trackingId, created.trackingId);
  });

  it('answers 400 for a mistyped Tracking ID, 404 for an unknown one, 401 for a wrong receipt', async () => {
    const created = await file();
    const last = created.trackingId.at(-1) === '0' ? '1' : '0';
    const typo = await lookup(created.trackingId.slice(0, -1) + last);
    assert.equal(typo.status, 400);
    assert.equal((await typo.json()).error.code, 'invalid_tracking_id');

    const unknown = await lookup('LPR-0000-0000-0');
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, 'not_found');

    const wrong = await lookup(created.trackingId, 'not-the-receipt');
    assert.equal(wrong.status, 401);
    assert.equal((await wrong.json()).error.code, 'invalid_receipt');
  });

  it('keeps the report and its first event together', async () => {
    const { reportEvents } = hub.db.$tables;
    await file();
    await file();
    assert.equal((await hub.db.select({ n: count() }).from(reportEvents))[0]?.n, 2);
  });
});

describe('errors', () => {
  it('refuses a NUL in a report’s text or in an address as bad input, on every database', async () => {
    const res = await postJson(hub.app, '/api/v1/reports', {
      ...sampleReport,
      title: 'Pungutan\u0000 liar di sekolah',
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.fields.title.code, 'invalid_format');
    for (const path of ['/api/v1/sites/%00/config', '/api/v1/institutions?q=a%00b']) {
      const answer = await hub.app.request(path);
      assert.equal(answer.status, 400, path);
      assert.equal((await answer.json()).error.code, 'validation_failed');
    }
  });

  it('answers a failure of the hub itself with a bare 500, reporting it to the operator only', async () => {
    await hub.db.$close();
    const res = await postJson(hub.app, '/api/v1/reports', sampleReport);
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.deepEqual(JSON.parse(text).error.code, 'internal_error');
    assert.doesNotMatch(text, /database|sqlite|at \/|\.ts/i);
    assert.equal(hub.unexpected.length, 1);
    hub.unexpected.length = 0;
  });

  it('answers unknown addresses with a JSON 404', async () => {
    const res = await hub.app.request('/api/v1/nothing');
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'not_found');
  });
});
