import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Papa from 'papaparse';
import { xml2js } from 'xml-js';
import * as z from 'zod';
import {
  monitorMapSchema,
  monitorStatsSchema,
  publicReportPageSchema,
  publicReportSchema,
} from '../../../contract/responses';
import { OPEN_DATA_COLUMNS } from '../monitor/open-data';
import { addSite } from '../sites/sites';
import { fileReport, forwardReport, projectAll } from '../testing/published';
import { testApp } from '../testing/test-app';

interface AtomFeed {
  _attributes: { xmlns: string };
  title: { _text: string };
  entry?: AtomEntry | AtomEntry[];
}
interface AtomEntry {
  /** Text, or CDATA (which the feed library writes titles in). */
  title: { _text?: string; _cdata?: string };
  link: { _attributes: { href: string } };
}

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

/** Reports to the demo school (five, so that the figures are broken down), forwarded and derived. */
async function published(count = 5, extra: object = {}): Promise<string[]> {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const { id, trackingId } = await fileReport(hub, extra);
    await forwardReport(hub, id);
    ids.push(trackingId);
  }
  await projectAll(hub);
  return ids;
}

describe('the public monitoring API', () => {
  it('answers scripts without an Origin and registered sites, with answers a cache may keep a minute', async () => {
    const filed = await published();
    await addSite(hub.db, {
      name: 'SMK SMAK Makassar',
      origins: ['https://smksmakmks.sch.id'],
      institutionId: 'smk-smak-makassar',
    });
    const plain = await hub.app.request('/api/v1/public/reports');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=60');
    const page = publicReportPageSchema.parse(await plain.json());
    assert.deepEqual(page.items.map((item) => item.trackingId).sort(), filed.sort());

    const fromSite = await hub.app.request('/api/v1/public/stats?places=province', {
      headers: { Origin: 'https://smksmakmks.sch.id' },
    });
    assert.equal(fromSite.status, 200);
    assert.equal(fromSite.headers.get('access-control-allow-origin'), 'https://smksmakmks.sch.id');
    const stats = monitorStatsSchema.parse(await fromSite.json());
    assert.equal(stats.totals.forwarded, 5);
    assert.deepEqual(
      stats.places?.map((place) => [place.region.code, place.region.name, place.suppressed]),
      [['73', 'Sulawesi Selatan', false]],
    );

    const foreign = await hub.app.request('/api/v1/public/reports', {
      headers: { Origin: 'https://elsewhere.example' },
    });
    assert.equal(
      foreign.status,
      403,
      'a page not registered cannot use the API from a visitor’s browser, as elsewhere',
    );
  });

  it('gives the same published reports as open data, in CSV and JSON', async () => {
    const filed = await published();
    const [confidential] = await published(1, { confidential: true });
    assert.ok(confidential);
    const csv = await hub.app.request('/api/v1/public/reports.csv?region=73');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const parsed = Papa.parse<Record<string, string>>((await csv.text()).trim(), { header: true });
    assert.deepEqual(parsed.meta.fields, [...OPEN_DATA_COLUMNS]);
    assert.deepEqual(parsed.data.map((row) => row.tracking_id).sort(), [...filed].sort(), 'never a confidential one');
    assert.equal(parsed.data[0]?.institution_name, 'SMK SMAK Makassar');
    assert.equal(parsed.data[0]?.deadline_kind, 'follow_up');

    const json = await hub.app.request('/api/v1/public/reports.json?category=pendidikan-kebudayaan');
    assert.equal(json.status, 200);
    const { items } = z.object({ items: z.array(publicReportSchema) }).parse(await json.json());
    assert.deepEqual(items.map((item) => item.trackingId).sort(), [...filed].sort());
    const none = await hub.app.request('/api/v1/public/reports.json?region=11');
    assert.deepEqual(await none.json(), { items: [] });
  });

  it('gives an Atom feed of an institution’s newest published reports, each linking to the tracker', async () => {
    const filed = await published(2, { title: 'Pungutan <liar> & tidak sah' });
    await published(1, { confidential: true });
    const res = await hub.app.request('/api/v1/public/feed.atom?institution=smk-smak-makassar&junk=%3Cx%3E');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const text = await res.text();
    assert.ok(!text.includes('junk'), 'the feed names itself by what was validated');
    const { feed } = xml2js(text, { compact: true }) as unknown as { feed: AtomFeed };
    assert.equal(feed._attributes.xmlns, 'http://www.w3.org/2005/Atom');
    assert.equal(feed.title._text, 'Laporan publik: SMK SMAK Makassar');
    const entries = [feed.entry ?? []].flat();
    assert.deepEqual(
      entries.map((entry) => entry.link._attributes.href).sort(),
      filed.map((id) => `http://localhost/lacak/#lapor=${id}`).sort(),
      'the published reports, never the confidential one',
    );
    const title = entries[0]?.title;
    assert.equal(title?._text ?? title?._cdata, 'Pungutan <liar> & tidak sah (diteruskan ke instansi)');
  });

  it('refuses a scope or a filter it does not know, saying which', async () => {
    for (const [query, field] of [
      ['region=Makassar', 'region'],
      ['region=73.71.01', 'region'],
      ['places=regency', 'places'],
      ['places=world', 'places'],
      ['institution=Sekolah%20Kami', 'institution'],
      ['institution=kemendikdasmen&category=kesehatan', 'category'],
    ] as const) {
      const res = await hub.app.request(`/api/v1/public/stats?${query}`);
      assert.equal(res.status, 400, query);
      const body = await res.json();
      assert.equal(body.error.code, 'validation_failed');
      assert.ok(body.error.fields?.[field], `${query} names ${field}: ${JSON.stringify(body.error)}`);
    }
    const res = await hub.app.request('/api/v1/public/reports?limit=51');
    assert.equal(res.status, 400);
  });

  it("serves the map's shapes for every province and each province's every regency and city, as the regions know them", async () => {
    const country = await hub.app.request('/api/v1/public/map/id');
    assert.equal(country.status, 200);
    assert.match(country.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const provinces = monitorMapSchema.parse(await country.json());
    const known = hub.regions.children();
    assert.equal(known.length, 38);
    assert.deepEqual(provinces.regions.map((r) => r.code).sort(), known.map((r) => r.code).sort());
    assert.match(provinces.attribution, /MIT/);
    for (const province of known) {
      const map = monitorMapSchema.parse(await (await hub.app.request(`/api/v1/public/map/${province.code}`)).json());
      const expected = hub.regions.children(province.code).map((r) => r.code);
      assert.ok(expected.length > 0, province.name);
      assert.deepEqual(map.regions.map((r) => r.code).sort(), expected.sort(), province.name);
      for (const region of map.regions) assert.match(region.d, /^(M\d+ \d+[-\dl ]*z)+$/, region.name);
    }
    assert.equal((await hub.app.request('/api/v1/public/map/99')).status, 404);
    assert.equal((await hub.app.request('/api/v1/public/map/..%2Fcategories')).status, 400);
  });
});
