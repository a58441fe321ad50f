import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Region } from '../../../contract';

/**
 * Indonesia's administrative regions from the `idn-area-data` package (38
 * provinces, 514 regencies and cities, 7,277 districts, 83,763 villages),
 * held in memory: about 90,000 short rows, searched in a few milliseconds.
 */
export interface Regions {
  find(code: string): Region | undefined;
  /** The regions directly under `parent`, or the provinces. */
  children(parent?: string): Region[];
  /** Regions whose name contains every word of `query`, under `parent` if given; prefix matches first. */
  search(query: string, parent?: string): Region[];
  /** The region and the regions above it, province first. */
  path(code: string): Region[];
  /** The region spelled out, smallest first: "Panakkukang, Kota Makassar, Sulawesi Selatan". */
  describe(code: string): string;
}

/** Provinces and regencies are upper case in the data; show them as names are written. */
const KEEP_UPPER = new Set(['DKI', 'II', 'III']);
function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word) => (KEEP_UPPER.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

export function createRegions(all: Region[]): Regions {
  const byCode = new Map(all.map((r) => [r.code, r]));
  const byParent = new Map<string, Region[]>();
  for (const region of all) {
    const key = region.parentCode ?? '';
    const list = byParent.get(key) ?? [];
    list.push(region);
    byParent.set(key, list);
  }
  const folded = all.map((region) => ({ region, name: region.name.toLowerCase() }));

  return {
    find: (code) => byCode.get(code),
    children: (parent) => byParent.get(parent ?? '') ?? [],
    search(query, parent) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const prefix = parent ? `${parent}.` : '';
      const hits = folded.filter(
        ({ region, name }) => region.code.startsWith(prefix) && words.every((word) => name.includes(word)),
      );
      const first = words[0] ?? '';
      const rank = ({ name }: (typeof folded)[number]) => (name.startsWith(first) ? 0 : 1);
      return hits.sort((a, b) => rank(a) - rank(b)).map(({ region }) => region);
    },
    path(code) {
      const path: Region[] = [];
      for (
        let region = byCode.get(code);
        region;
        region = region.parentCode ? byCode.get(region.parentCode) : undefined
      ) {
        path.unshift(region);
      }
      return path;
    },
    describe(code) {
      return this.path(code)
        .map((region) => region.name)
        .reverse()
        .join(', ');
    },
  };
}

let loading: Promise<Regions> | undefined;

/** Loads the dataset once per process (about a quarter of a second). */
export function loadRegions(): Promise<Regions> {
  loading ??= (async () => {
    const [provinces, regencies, districts, villages] = await Promise.all([
      getProvinces(),
      getRegencies({ transform: true }),
      getDistricts({ transform: true }),
      getVillages({ transform: true }),
    ]);
    return createRegions([
      ...provinces.map((p): Region => ({ code: p.code, name: titleCase(p.name), level: 'province' })),
      ...regencies.map(
        (r): Region => ({ code: r.code, name: titleCase(r.name), level: 'regency', parentCode: r.provinceCode }),
      ),
      ...districts.map((d): Region => ({ code: d.code, name: d.name, level: 'district', parentCode: d.regencyCode })),
      ...villages.map((v): Region => ({ code: v.code, name: v.name, level: 'village', parentCode: v.districtCode })),
    ]);
  })();
  return loading;
}
