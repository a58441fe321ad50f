import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MonitorMap } from '../contract/monitor';
import { HUB_DATA } from '../hub/src/paths';

/**
 * The maps of public monitoring, from the regency and city boundaries of
 * cahyadsn/wilayah_boundaries (MIT; Kepmendagri No 300.2.2-2430 Tahun 2025,
 * the same codes as idn-area-data's 514 regencies and cities):
 * - `hub/data/map/id.json`: the 38 provinces, each the union of its regencies
 *   (the source's province file lacks Papua Barat Daya; a union agrees with
 *   the regencies by construction);
 * - `hub/data/map/<province>.json`: that province's regencies and cities.
 * Projected once here (equirectangular: Indonesia lies across the equator,
 * where it distorts least), simplified with shared borders kept shared
 * (topojson), written as SVG paths in integer units, so the widget draws
 * them with no mapping library and no tile server.
 *
 * Run when the source changes:
 *   node --import tsx scripts/build-map-data.ts <checkout of wilayah_boundaries> <its commit>
 */
const [source, commit] = process.argv.slice(2);
if (!source || !commit) throw new Error('usage: build-map-data.ts <wilayah_boundaries folder> <commit>');

export const MAP_FOLDER = join(HUB_DATA, 'map');
const ATTRIBUTION = `Batas wilayah: wilayah_boundaries, © 2024 Cahya DSN, MIT License (github.com/cahyadsn/wilayah_boundaries@${commit.slice(0, 7)})`;
/** Units across a map: integers at this width are finer than a phone's pixels. */
const WIDTH = 1000;
/** Simplification: the smallest triangle kept, as a share of the map's bounding box. */
const DETAIL = { country: 2e-7, province: 4e-7 };
/** Islands under this many square units are dropped (a region keeps its largest always). */
const SMALLEST = 1.5;

interface Regency {
  code: string;
  name: string;
  shape: MultiPolygon;
}

/** The source's rows: `('73.71','Kota Makassar',lat,lng,'[[[lat,lng],…]]')`, one polygon or several. */
function regencies(folder: string): Regency[] {
  const row = /^\s*\('(\d{2}\.\d{2})','((?:[^'\\]|\\.)*)',[-\d.]+,[-\d.]+,'(\[.*\])'\)[,;]?\s*$/gm;
  const found: Regency[] = [];
  const kab = join(folder, 'db/kab');
  for (const file of readdirSync(kab).filter((name) => /^wilayah_boundaries_kab_\d+\.sql$/.test(name))) {
    for (const [, code, name, path] of readFileSync(join(kab, file), 'utf8').matchAll(row)) {
      const nested = JSON.parse(path as string);
      const polygons: Position[][][] = typeof nested[0][0][0] === 'number' ? [nested] : nested;
      // The source writes [lat, lng]; GeoJSON is [x, y]: longitude, then latitude northwards.
      const shape: MultiPolygon = {
        type: 'MultiPolygon',
        coordinates: polygons.map((rings) =>
          rings.map((ring) => ring.map(([lat, lng]) => [lng as number, -(lat as number)])),
        ),
      };
      found.push({ code: code as string, name: (name as string).replace(/\\(.)/g, '$1'), shape });
    }
  }
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

type Box = [number, number, number, number];

function boxOf(shapes: (Polygon | MultiPolygon)[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const shape of shapes) {
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    for (const [x, y] of polygons.flat(2)) {
      box[0] = Math.min(box[0], x as number);
      box[1] = Math.min(box[1], y as number);
      box[2] = Math.max(box[2], x as number);
      box[3] = Math.max(box[3], y as number);
    }
  }
  return box;
}

/** Twice a ring's signed area, in the map's units. */
const ringArea = (ring: number[][]) =>
  ring.reduce((sum, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length] as number[];
    return sum + (x as number) * (ny as number) - (nx as number) * (y as number);
  }, 0) / 2;

/** A shape as an SVG path in the map's integer units, relative moves after the first (about half the bytes). */
function pathOf(shape: Polygon | MultiPolygon, project: (p: Position) => number[]): string {
  const polygons = (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates).map((rings) =>
    rings.map((ring) => ring.map(project)),
  );
  const areas = polygons.map((rings) => Math.abs(ringArea(rings[0] ?? [])));
  const largest = Math.max(...areas);
  let d = '';
  let at = [0, 0];
  polygons.forEach((rings, i) => {
    if ((areas[i] ?? 0) < SMALLEST && areas[i] !== largest) return;
    for (const ring of rings) {
      if (Math.abs(ringArea(ring)) < SMALLEST / 2) continue;
      let first = true;
      for (const [x, y] of ring.slice(0, -1) as [number, number][]) {
        const [dx, dy] = [x - (at[0] as number), y - (at[1] as number)];
        if (!first && dx === 0 && dy === 0) continue;
        d += first ? `M${x} ${y}` : `l${dx}${dy < 0 ? '' : ' '}${dy}`;
        first = false;
        at = [x, y];
      }
      d += 'z';
    }
  });
  return d.replace(/l(-?\d+) (\d+)/g, 'l$1 $2');
}

function mapOf(code: string, regions: { code: string; name: string; shape: Polygon | MultiPolygon }[]): MonitorMap {
  const [x0, y0, x1, y1] = boxOf(regions.map((region) => region.shape));
  const scale = WIDTH / (x1 - x0);
  const project = ([x, y]: Position) => [
    Math.round(((x as number) - x0) * scale),
    Math.round(((y as number) - y0) * scale),
  ];
  return {
    code,
    viewBox: `0 0 ${WIDTH} ${Math.ceil((y1 - y0) * scale)}`,
    attribution: ATTRIBUTION,
    regions: regions.map((region) => ({ code: region.code, name: region.name, d: pathOf(region.shape, project) })),
  };
}

function simplified(
  all: Regency[],
  detail: number,
): Topology<{ regencies: GeometryCollection<{ code: string; name: string }> }> {
  const [x0, y0, x1, y1] = boxOf(all.map((regency) => regency.shape));
  const collection = {
    type: 'FeatureCollection' as const,
    features: all.map(
      (regency): Feature<MultiPolygon, { code: string; name: string }> => ({
        type: 'Feature',
        properties: { code: regency.code, name: regency.name },
        geometry: regency.shape,
      }),
    ),
  };
  const topo = presimplify(topology({ regencies: collection }) as never);
  return simplify(topo as never, (x1 - x0) * (y1 - y0) * detail) as never;
}

const all = regencies(source);
if (all.length !== 514) throw new Error(`expected the 514 regencies and cities, found ${all.length}`);
const provinceNames = new Map(
  readFileSync(join('node_modules/idn-area-data/data/provinces.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',') as [string, string]),
);
const titleCase = (name: string) => name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());

rmSync(MAP_FOLDER, { recursive: true, force: true });
mkdirSync(MAP_FOLDER, { recursive: true });
const write = (map: MonitorMap) => writeFileSync(join(MAP_FOLDER, `${map.code}.json`), `${JSON.stringify(map)}\n`);

const country = simplified(all, DETAIL.country);
const provinces = [...new Set(all.map((regency) => regency.code.slice(0, 2)))];
write(
  mapOf(
    'id',
    provinces.map((code) => ({
      code,
      name: titleCase(provinceNames.get(code) ?? code),
      shape: merge(
        country,
        country.objects.regencies.geometries.filter((g) =>
          (g.properties as Regency).code.startsWith(`${code}.`),
        ) as never,
      ),
    })),
  ),
);
for (const code of provinces) {
  const own = all.filter((regency) => regency.code.startsWith(`${code}.`));
  const topo = simplified(own, DETAIL.province);
  const shapes = feature(topo, topo.objects.regencies).features;
  write(
    mapOf(
      code,
      shapes.map((shape) => ({
        code: shape.properties.code,
        name: shape.properties.name,
        shape: shape.geometry as Polygon | MultiPolygon,
      })),
    ),
  );
}
writeFileSync(
  join(MAP_FOLDER, 'LICENSE'),
  `The boundaries in this folder are derived (projected, simplified) from\nhttps://github.com/cahyadsn/wilayah_boundaries at ${commit}:\n\n${readFileSync(join(source, 'LICENSE'), 'utf8')}`,
);
