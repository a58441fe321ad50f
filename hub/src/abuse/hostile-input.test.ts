import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { addSite } from '../sites/sites';
import { sampleReport, testApp } from '../testing/test-app';

const PNG = new Uint8Array(readFileSync(new URL('../attachments/fixtures/photo.png', import.meta.url)));

/**
 * Arbitrary and hostile requests at every endpoint: the hub must answer each
 * with a JSON error or success, never a 5xx, and never store part of a report.
 */
let hub: Awaited<ReturnType<typeof testApp>>;
let siteKey: string;
before(async () => {
  hub = await testApp();
  siteKey = (
    await addSite(hub.db, {
      name: 'SMK',
      origins: ['https://smk.example.sch.id'],
      institutionId: 'smk-smak-makassar',
    })
  ).key;
});
after(async () => hub.close());

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '..',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '\u0000',
    'a'.repeat(5000),
    'LPR-0000-0000-0',
    '73.71',
    '<script>',
  ),
);
const segment = fc.oneof(nasty, fc.constantFrom('LPR-0000-0000-0', 'kemenperin', '73.71', 'site_x', 'demo'));

const path = fc.oneof(
  fc.constant('/api/v1/reports'),
  segment.map((s) => `/api/v1/reports/${encodeURIComponent(s)}`),
  fc
    .tuple(segment, segment)
    .map(([a, b]) => `/api/v1/reports/${encodeURIComponent(a)}/attachments/${encodeURIComponent(b)}`),
  fc.constantFrom(
    '/api/v1/institutions',
    '/api/v1/categories',
    '/api/v1/regions',
    '/api/v1/challenge',
    '/api/v1/openapi.json',
  ),
  segment.map((s) => `/api/v1/institutions/${encodeURIComponent(s)}`),
  segment.map((s) => `/api/v1/regions/${encodeURIComponent(s)}`),
  segment.map((s) => `/api/v1/sites/${encodeURIComponent(s)}/config`),
  nasty.map((s) => `/api/v1/${encodeURIComponent(s)}`),
);

const query = fc
  .array(fc.tuple(fc.constantFrom('q', 'parent', 'limit', 'offset', 'x'), nasty), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ''));

/** What an HTTP header can carry: visible ASCII and spaces (anything else never reaches a server). */
const headerValue = nasty.map((s) => s.replace(/[^\x20-\x7e]/g, ''));

const headers = fc.record(
  {
    'Content-Type': fc.constantFrom(
      'application/json',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/json; charset=utf-8',
      'multipart/form-data',
      '',
    ),
    Authorization: fc.oneof(
      headerValue,
      headerValue.map((s) => `Receipt ${s}`),
    ),
    Origin: fc.constantFrom('https://evil.example', 'https://smk.example.sch.id', 'null', 'http://localhost'),
    'X-Lapor-Site': fc.constantFrom('site_nope', 'demo', ''),
    'Idempotency-Key': headerValue,
    'X-Altcha': headerValue,
  },
  { requiredKeys: [] },
);

/** Reports bent out of shape: wrong types, missing and extra fields, deep nesting, huge values. */
const bentReport = fc
  .record({
    key: fc.constantFrom(...Object.keys(sampleReport), 'location', 'reporter', 'website', '__proto__', 'constructor'),
    value: fc.oneof(fc.jsonValue(), nasty, fc.constant(null)),
  })
  .map(({ key, value }) => JSON.stringify({ ...sampleReport, [key]: value }));

const multipartBody = fc
  .array(
    fc.oneof(
      fc.record({ name: fc.constantFrom('report', 'attachments', 'x'), text: fc.oneof(nasty, bentReport) }),
      fc.record({
        name: fc.constantFrom('attachments', 'report'),
        file: fc.uint8Array({ maxLength: 2000 }),
        fileName: nasty,
      }),
    ),
    { maxLength: 7 },
  )
  .map((parts) => {
    const form = new FormData();
    for (const part of parts) {
      if ('file' in part) form.append(part.name, new File([new Uint8Array(part.file)], part.fileName));
      else form.append(part.name, part.text);
    }
    return form;
  });

const body = fc.oneof(
  fc.constant(undefined),
  nasty,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  bentReport,
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => new Uint8Array(bytes)),
  multipartBody,
);

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD'),
  path,
  query,
  headers,
  body,
});

async function counts() {
  const { attachments, reportEvents, reports } = hub.db.$tables;
  const n = async (table: typeof reports | typeof reportEvents | typeof attachments) =>
    (await hub.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { reports: await n(reports), events: await n(reportEvents), attachments: await n(attachments) };
}

function stagedFiles() {
  const dir = hub.attachments.staging;
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Sends one request and checks every invariant; returns the status. */
async function check(method: string, target: string, headers: Record<string, string>, body: unknown): Promise<number> {
  const before = await counts();
  const withBody = !['GET', 'HEAD'].includes(method) && body !== undefined;
  const sent = { ...headers, ...(headers['X-Lapor-Site'] === 'demo' && { 'X-Lapor-Site': siteKey }) };
  const res = await hub.app.request(target, { method, headers: sent, ...(withBody && { body: body as BodyInit }) });
  assert.ok(res.status < 500, `${method} ${target} answered ${res.status}`);
  const text = await res.text();
  if (res.status >= 400 && method !== 'HEAD') {
    assert.match(JSON.parse(text).error.code, /^[a-z_]+$/);
    assert.ok(!/at .+\.(ts|js):\d+/.test(text), 'no stack trace');
  }
  const now = await counts();
  // An idempotent retry answers 201 again for the report already filed.
  const filed = res.status === 201 && !res.headers.get('idempotent-replayed') ? 1 : 0;
  assert.equal(now.reports, before.reports + filed);
  assert.equal(now.events - before.events, filed, 'a report comes with its first event, and only then');
  if (!filed) assert.equal(now.attachments, before.attachments);
  assert.deepEqual(stagedFiles(), [], 'no file is left in staging');
  return res.status;
}

/** Submissions close to real ones, so the parsing and storing paths are exercised deeply. */
const submission = fc.record({
  type: fc.constantFrom('application/json', 'multipart'),
  report: fc.oneof(bentReport, fc.constant(JSON.stringify(sampleReport))),
  files: fc.array(
    fc.record({
      bytes: fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.constant(PNG)),
      name: fc.oneof(fc.constantFrom('foto.png', 'surat.pdf', 'a.exe', 'video.mp4', ''), nasty),
    }),
    { maxLength: 6 },
  ),
  key: fc.option(fc.constantFrom('k-0123456789abcdef', 'k-fedcba9876543210'), { nil: undefined }),
});

describe('hostile requests', () => {
  it('to any endpoint never get a 5xx, never an answer that is not JSON, never leave part of a report', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query, headers, body }) => {
        await check(method, `${path}${query}`, headers, body);
      }),
      { numRuns: 400 },
    );
    assert.deepEqual(hub.unexpected, []);
  });

  it('filing reports, bent or whole, with or without files, store whole reports or nothing', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(submission, async ({ type, report, files, key }) => {
        const headers: Record<string, string> = key ? { 'Idempotency-Key': key } : {};
        let body: BodyInit = report;
        if (type === 'multipart') {
          const form = new FormData();
          form.set('report', report);
          for (const file of files) form.append('attachments', new File([new Uint8Array(file.bytes)], file.name));
          body = form;
        } else {
          headers['Content-Type'] = type;
        }
        statuses.add(await check('POST', '/api/v1/reports', headers, body));
      }),
      { numRuns: 300 },
    );
    assert.ok(statuses.has(201) && statuses.has(400), `statuses seen: ${[...statuses]}`);
    assert.deepEqual(hub.unexpected, []);
  });
});
