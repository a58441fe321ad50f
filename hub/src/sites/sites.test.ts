import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runCli } from '../cli';
import { openDatabase } from '../db/client';
import { createDirectory } from '../directory/directory';
import { postJson, sampleReport, testApp } from '../testing/test-app';
import { type TestDatabase, testDatabase } from '../testing/test-database';
import { addSite, listSites, normalizeOrigin } from './sites';

let hub: Awaited<ReturnType<typeof testApp>>;
let siteKey: string;
const SCHOOL = 'https://smksmak.example.sch.id';
const OTHER_SCHOOL = 'https://sman1.example.sch.id';
beforeEach(async () => {
  hub = await testApp();
  siteKey = (
    await addSite(hub.db, {
      name: 'SMK SMAK Makassar',
      origins: [SCHOOL],
      institutionId: 'smk-smak-makassar',
      categoryId: 'pendidikan-kebudayaan',
      lockInstitution: true,
    })
  ).key;
  await addSite(hub.db, { name: 'SMA Negeri 1', origins: [OTHER_SCHOOL], institutionId: 'kemendikdasmen' });
});
afterEach(async () => hub.close());

const from = (origin: string, headers: Record<string, string> = {}) => ({ Origin: origin, ...headers });

describe('CORS by registered site', () => {
  it('answers a registered origin, preflight included', async () => {
    const res = await hub.app.request('/api/v1/categories', { headers: from(SCHOOL) });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), SCHOOL);
    const preflight = await hub.app.request('/api/v1/reports', {
      method: 'OPTIONS',
      headers: from(SCHOOL, {
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-lapor-site',
      }),
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), SCHOOL);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Lapor-Site/i);
  });

  it('refuses every request from an unregistered origin with a JSON 403 its page can read, and nothing more', async () => {
    const { reports } = hub.db.$tables;
    const evil = 'https://evil.example';
    const preflight = await hub.app.request('/api/v1/reports', {
      method: 'OPTIONS',
      headers: from(evil, {
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      }),
    });
    assert.equal(preflight.status, 204, 'the preflight passes, so that the refusal can be read');
    for (const res of [
      await hub.app.request('/api/v1/categories', { headers: from(evil) }),
      await postJson(hub.app, '/api/v1/reports', sampleReport, from(evil)),
    ]) {
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), evil);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      const body = await res.json();
      assert.equal(body.error.code, 'origin_not_allowed');
      assert.deepEqual(Object.keys(body), ['error'], 'the refusal, and no data');
    }
    assert.equal((await hub.db.select().from(reports)).length, 0);
  });

  it('lets requests without an Origin (servers, curl) and from the hub itself through, without CORS headers', async () => {
    const plain = await hub.app.request('/api/v1/categories');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('access-control-allow-origin'), null);
    const self = await hub.app.request('http://localhost/api/v1/categories', { headers: from('http://localhost') });
    assert.equal(self.status, 200);
  });

  it('keeps CORS headers on error answers to a registered origin', async () => {
    const res = await hub.app.request('/api/v1/reports/LPR-0000-0000-0', { headers: from(SCHOOL) });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), SCHOOL);
  });
});

describe('reports through a site', () => {
  const post = (origin: string, key: string, body: object = sampleReport) =>
    postJson(hub.app, '/api/v1/reports', body, from(origin, { 'X-Lapor-Site': key }));

  it('files a report from one of the site’s origins and records the site', async () => {
    const { reports } = hub.db.$tables;
    const res = await post(SCHOOL, siteKey);
    assert.equal(res.status, 201);
    assert.equal((await hub.db.select().from(reports))[0]?.siteKey, siteKey);
  });

  it('refuses the site’s key from another registered website', async () => {
    const { reports } = hub.db.$tables;
    const res = await post(OTHER_SCHOOL, siteKey);
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'origin_not_allowed');
    assert.equal((await hub.db.select().from(reports)).length, 0);
  });

  it('refuses an unknown site key, and another institution on a locked site', async () => {
    assert.equal((await (await post(SCHOOL, 'site_nope')).json()).error.code, 'unknown_site');
    const other = await post(SCHOOL, siteKey, { ...sampleReport, institutionId: 'kemenkes' });
    assert.equal(other.status, 400);
    assert.equal((await other.json()).error.fields.institutionId.code, 'site_institution');
  });

  it('gives the widget its presets', async () => {
    const res = await hub.app.request(`/api/v1/sites/${siteKey}/config`, { headers: from(SCHOOL) });
    assert.deepEqual(await res.json(), {
      key: siteKey,
      name: 'SMK SMAK Makassar',
      institution: { id: 'smk-smak-makassar', name: 'SMK SMAK Makassar' },
      category: { id: 'pendidikan-kebudayaan', name: 'Pendidikan dan Kebudayaan' },
      lockInstitution: true,
    });
    assert.equal((await hub.app.request('/api/v1/sites/site_nope/config')).status, 404);
  });
});

describe('sites', () => {
  it('take bare http(s) origins only', async () => {
    assert.equal(normalizeOrigin('https://Sekolah.Example.sch.id/'), 'https://sekolah.example.sch.id');
    assert.equal(normalizeOrigin('http://localhost:8787'), 'http://localhost:8787');
    for (const bad of ['ftp://x.id', 'https://x.id/page', 'https://x.id/?a=1', 'sekolah.sch.id', '*']) {
      assert.throws(() => normalizeOrigin(bad), Error, bad);
    }
  });
});

describe('npm run hub', () => {
  let dataDir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lapor-cli-'));
    database = await testDatabase(dataDir);
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: database.url });

  it('adds, lists and removes sites', async () => {
    const args = [
      'site',
      'add',
      '--name',
      'SMK X',
      '--origin',
      SCHOOL,
      '--origin',
      `${SCHOOL}:8443`,
      '--institution',
      'kemenperin',
    ];
    assert.equal(await runCli(args, env()), 0);
    const db = await openDatabase(database.location);
    const [site] = await listSites(db);
    await db.$close();
    assert.deepEqual(site?.origins, [SCHOOL, `${SCHOOL}:8443`]);
    assert.equal(await runCli(['site', 'remove', site?.key ?? ''], env()), 0);
    await assert.rejects(runCli(['site', 'remove', site?.key ?? ''], env()), /no site/);
    assert.equal(await runCli(['site', 'add', '--name', 'incomplete'], env()), 2);
  });

  it('imports institutions from a file, refusing a bad one whole', async () => {
    const file = join(dataDir, 'pemda.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'pemprov-sulsel', name: 'Pemerintah Provinsi Sulawesi Selatan', type: 'pemerintah-daerah' },
        {
          id: 'dinkes-sulsel',
          name: 'Dinas Kesehatan Provinsi Sulawesi Selatan',
          type: 'unit',
          parentId: 'pemprov-sulsel',
        },
      ]),
    );
    assert.equal(await runCli(['institution', 'import', file], env()), 0);
    writeFileSync(file, JSON.stringify([{ id: 'Bad Id', name: 'x', type: 'unit' }]));
    await assert.rejects(runCli(['institution', 'import', file], env()));
    const db = await openDatabase(database.location);
    const page = await (await createDirectory(db)).institutions({ query: 'sulawesi selatan', limit: 10, offset: 0 });
    await db.$close();
    assert.deepEqual(page.items.map((i) => i.id).sort(), ['dinkes-sulsel', 'pemprov-sulsel']);
  });
});
