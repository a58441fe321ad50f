import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serialize } from 'node:v8';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Region } from '../../../contract';
import { compactRegions, titleCase } from './compact';
import { loadRegions, readRegions } from './regions';

/** The regions as plain objects, read by idn-area-data's own functions: what the compact form must answer alike. */
async function reference() {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies({ transform: true }),
    getDistricts({ transform: true }),
    getVillages({ transform: true }),
  ]);
  const all: Region[] = [
    ...provinces.map((p): Region => ({ code: p.code, name: titleCase(p.name), level: 'province' })),
    ...regencies.map(
      (r): Region => ({ code: r.code, name: titleCase(r.name), level: 'regency', parentCode: r.provinceCode }),
    ),
    ...districts.map((d): Region => ({ code: d.code, name: d.name, level: 'district', parentCode: d.regencyCode })),
    ...villages.map((v): Region => ({ code: v.code, name: v.name, level: 'village', parentCode: v.districtCode })),
  ];
  const children = (parent?: string) => all.filter((r) => r.parentCode === parent);
  const search = (query: string, parent?: string) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = all.filter(
      (r) => (!parent || r.code.startsWith(`${parent}.`)) && words.every((word) => r.name.toLowerCase().includes(word)),
    );
    const rank = (r: Region) => (r.name.toLowerCase().startsWith(words[0] ?? '') ? 0 : 1);
    return hits.sort((a, b) => rank(a) - rank(b));
  };
  return { all, children, search };
}

describe('the regions', async () => {
  const regions = await loadRegions();
  const plain = await reference();

  it('hold every region of the dataset, each found by its code as the dataset has it', () => {
    const count = (level: Region['level']) => plain.all.filter((r) => r.level === level).length;
    assert.deepEqual(
      [count('province'), count('regency'), count('district'), count('village')],
      [38, 514, 7277, 83763],
    );
    for (const region of plain.all) assert.deepEqual(regions.find(region.code), region);
    for (const code of ['', '7', '73.7', '73.71.99', '99', 'ABC', '73.71.01.1001.1', '73.71.01.99999']) {
      assert.equal(regions.find(code), undefined, code);
    }
  });

  it('list children in the dataset’s order', () => {
    assert.deepEqual(regions.children(), plain.children(undefined));
    const parents = plain.all.filter((r, i) => r.level === 'province' || (r.level !== 'village' && i % 97 === 0));
    assert.ok(parents.length > 100);
    for (const parent of parents) assert.deepEqual(regions.children(parent.code), plain.children(parent.code));
    assert.deepEqual(regions.children('99.99'), []);
  });

  it('give a region’s path and its description', () => {
    assert.deepEqual(
      regions.path('73.71.01').map((r) => r.name),
      ['Sulawesi Selatan', 'Kota Makassar', 'Mariso'],
    );
    assert.equal(regions.describe('73.71'), 'Kota Makassar, Sulawesi Selatan');
    assert.deepEqual(regions.path('73.71.99'), []);
  });

  it('search as a scan of every name would, prefix matches first', () => {
    const queries: [string, string?][] = [
      ['makassar'],
      ['kota'],
      ['sungai raya'],
      ['baru'],
      ['jaya', '73'],
      ['panakkukang', '73.71'],
      ['an'],
      ['soka"an'],
      ['73'],
      ['zzzz'],
    ];
    for (const [query, parent] of queries) {
      const expected = plain.search(query, parent);
      assert.deepEqual(regions.search(query, parent), expected, `${query} in ${parent ?? 'all'}`);
    }
    assert.ok(plain.search('an').length > 10_000);
  });

  it('keep their text one byte a character, and names as written', () => {
    const { text } = compactRegions.read(compactRegions.file());
    assert.ok(text.length > 2_000_000);
    // V8's serializer marks a string it holds one byte a character with '"', two bytes with 'c' (after padding).
    const tag = [...serialize(text).subarray(2)].find((byte) => byte !== 0) ?? 0;
    assert.equal(String.fromCharCode(tag), '"');
    const written = plain.all.filter((r) => /[^\p{ASCII}\xa0-\xff]/u.test(r.name));
    assert.ok(written.length >= 3, 'the dataset has names with typographic apostrophes');
    for (const region of written) assert.equal(regions.find(region.code)?.name, region.name);
    assert.deepEqual(
      regions.search('Regapu’u').map((r) => r.name),
      ['Regapu’u'],
    );
  });

  it('start from the build’s compact file of the same data, and make their own from another version’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regions-'));
    try {
      const file = join(dir, 'regions.tsv');
      writeFileSync(file, `${compactRegions.version()}\n11\tAceh\n11.01\tKabupaten Aceh Selatan\n`);
      const built = readRegions(file);
      assert.deepEqual(
        built.children().map((r) => r.name),
        ['Aceh'],
        'read from the file, not made afresh',
      );
      assert.equal(built.describe('11.01'), 'Kabupaten Aceh Selatan, Aceh');
      writeFileSync(file, 'idn-area-data 0.0.1\n11\tAceh\n');
      assert.equal(readRegions(file).children().length, 38, 'another version: made afresh');
      writeFileSync(file, compactRegions.file());
      assert.deepEqual(readRegions(file).search('makassar'), regions.search('makassar'));
      writeFileSync(file, `${compactRegions.version()}\n11.01\tX\n11\tAceh\n`);
      assert.throws(() => readRegions(file), /level order/);
      writeFileSync(file, `${compactRegions.version()}\n12\tB\n11\tA\n`);
      assert.throws(() => readRegions(file), /out of order/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
