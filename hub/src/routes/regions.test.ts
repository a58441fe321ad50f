import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Page, Region } from '../../../contract';
import { postJson, sampleReport, testApp } from '../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

const get = async (query: string): Promise<Page<Region>> => (await hub.app.request(`/api/v1/regions${query}`)).json();

describe('GET /api/v1/regions', () => {
  it('lists the 38 provinces, named as they are written', async () => {
    const page = await get('?limit=500');
    assert.equal(page.total, 38);
    const names = page.items.map((r) => r.name);
    assert.ok(names.includes('Sulawesi Selatan'));
    assert.ok(names.includes('DKI Jakarta'));
    assert.ok(names.includes('Papua Barat Daya'));
  });

  it('walks down: province → regency/city → district → village', async () => {
    const regencies = await get('?parent=73');
    assert.ok(regencies.items.some((r) => r.code === '73.71' && r.name === 'Kota Makassar' && r.level === 'regency'));
    const districts = await get('?parent=73.71');
    assert.ok(districts.total > 10);
    assert.ok(districts.items.every((r) => r.parentCode === '73.71' && r.level === 'district'));
    const villages = await get(`?parent=${districts.items[0]?.code}`);
    assert.ok(villages.items.length > 0);
    assert.ok(villages.items.every((r) => r.level === 'village'));
  });

  it('searches by name within a parent, prefix matches first, paginated', async () => {
    const page = await get('?q=makassar&limit=5');
    assert.equal(page.items[0]?.name, 'Makassar');
    assert.ok(page.total > 1);
    const within = await get('?q=panakkukang&parent=73.71');
    assert.ok(within.items.length > 0);
    assert.ok(within.items.every((r) => r.code.startsWith('73.71.')));
    const second = await get('?q=makassar&limit=2&offset=2');
    assert.equal(second.offset, 2);
    assert.equal(second.items.length, 2);
  });

  it('answers a region with its path, and is cacheable with an ETag', async () => {
    const res = await hub.app.request('/api/v1/regions/73.71');
    const region = await res.json();
    assert.deepEqual(
      region.path.map((r: Region) => r.name),
      ['Sulawesi Selatan', 'Kota Makassar'],
    );
    const etag = res.headers.get('etag');
    assert.ok(etag);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=86400/);
    const again = await hub.app.request('/api/v1/regions/73.71', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  it('refuses bad parameters and unknown parents', async () => {
    assert.equal((await hub.app.request('/api/v1/regions?limit=0')).status, 400);
    assert.equal((await hub.app.request('/api/v1/regions?parent=ABC')).status, 400);
    assert.equal((await hub.app.request('/api/v1/regions?parent=99.99')).status, 404);
  });

  it('makes a report name a region that exists', async () => {
    const res = await postJson(hub.app, '/api/v1/reports', {
      ...sampleReport,
      location: { ...sampleReport.location, regionCode: '99.99' },
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.fields['location.regionCode'].code, 'unknown_region');
  });
});
