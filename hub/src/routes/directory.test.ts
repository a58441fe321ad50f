import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Institution } from '../../../contract';
import { upsertInstitutions } from '../directory/directory';
import { testApp } from '../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

describe('directory', () => {
  it('lists real national bodies and units under them', async () => {
    const res = await hub.app.request('/api/v1/institutions');
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as { items: Institution[] };
    const names = items.map((i) => i.name);
    assert.ok(names.includes('Kementerian Perindustrian'));
    assert.ok(names.includes('Kementerian Pendidikan Dasar dan Menengah'));
    assert.equal(items.find((i) => i.id === 'smk-smak-makassar')?.parentId, 'kemenperin');
  });

  it('searches institutions by words of their name or id, paginated', async () => {
    const page = await (await hub.app.request('/api/v1/institutions?q=pendidikan%20dasar')).json();
    assert.deepEqual(
      page.items.map((i: Institution) => i.id),
      ['kemendikdasmen'],
    );
    const smk = await (await hub.app.request('/api/v1/institutions?q=smak')).json();
    assert.equal(smk.items[0]?.name, 'SMK SMAK Makassar');
    const kementerian = await (await hub.app.request('/api/v1/institutions?q=kementerian&limit=5&offset=5')).json();
    assert.equal(kementerian.items.length, 5);
    assert.ok(kementerian.total > 30);
  });

  it('answers one institution by id', async () => {
    const res = await hub.app.request('/api/v1/institutions/kemenperin');
    assert.equal((await res.json()).name, 'Kementerian Perindustrian');
    assert.equal((await hub.app.request('/api/v1/institutions/tidak-ada')).status, 404);
  });

  it('lists categories', async () => {
    const { items } = await (await hub.app.request('/api/v1/categories')).json();
    assert.ok(items.some((c: { name: string }) => c.name === 'Pendidikan dan Kebudayaan'));
  });

  it('refuses institutions with a dangling parent or a repeated id, changing nothing', async () => {
    const unit: Institution = { id: 'sekolah', name: 'Sekolah', type: 'unit', parentId: 'tidak-ada' };
    await assert.rejects(upsertInstitutions(hub.db, [unit], 'import'), /unknown parent/);
    const body: Institution = { id: 'a', name: 'A', type: 'lembaga' };
    await assert.rejects(upsertInstitutions(hub.db, [body, body], 'import'), /unique/);
    assert.equal((await hub.app.request('/api/v1/institutions/sekolah')).status, 404);
  });

  it('serves imported institutions beside the built-in ones, parents from either', async () => {
    await upsertInstitutions(
      hub.db,
      [
        { id: 'pemkot-makassar', name: 'Pemerintah Kota Makassar', type: 'pemerintah-daerah' },
        { id: 'disdik-makassar', name: 'Dinas Pendidikan Kota Makassar', type: 'unit', parentId: 'pemkot-makassar' },
        { id: 'smkn-1-makassar', name: 'SMK Negeri 1 Makassar', type: 'unit', parentId: 'kemendikdasmen' },
      ],
      'import',
    );
    const page = await (await hub.app.request('/api/v1/institutions?q=makassar')).json();
    assert.deepEqual(page.items.map((i: Institution) => i.id).sort(), [
      'disdik-makassar',
      'pemkot-makassar',
      'smk-smak-makassar',
      'smkn-1-makassar',
    ]);
  });
});
