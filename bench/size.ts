import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { HUB_DATA } from '../hub/src/paths';

/** The hard budget for both elements together, minified and gzipped, Lit included; the aim is 20 KB for each element's own bundle. */
export const WIDGET_BUDGET_BYTES = 25 * 1024;
export const WIDGET_GOAL_BYTES = 20 * 1024;

/** The middle of `values` (the mean of the two middle ones for an even count). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).byteLength;

/**
 * Builds `entry` as a minified ES module the way the widget is built, and
 * returns its code; with `oneFile`, what it imports on demand is put in too.
 */
export async function bundle(entry: string, { oneFile = false } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lapor-size-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: process.cwd(),
      build: {
        outDir: join(dir, 'out'),
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: () => 'out.js' },
        rolldownOptions: { output: { minify: true, ...(oneFile && { codeSplitting: false }) } },
      },
    });
    return readFileSync(join(dir, 'out', 'out.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SizeFigures {
  /** `lapor.js`, both elements. */
  widget: number;
  form: number;
  tracker: number;
  /** The English translations `lapor.js` loads on English pages. */
  english: number;
  lit: number;
  /** The monitor's map shapes, fetched only when a visitor shows the map: the provinces, and the largest province's regencies. */
  map: { country: number; largestProvince: number };
}

/** Sizes (min+gzip) of the built bundles (`dist/widget`), the English chunk, and Lit alone for reference. */
export async function measureSizes(distDir = 'dist/widget'): Promise<SizeFigures> {
  const read = (file: string) => readFileSync(join(distDir, file));
  const main = read('lapor.js');
  const englishChunk = /["'`]\.\/(en-[\w-]+\.js)["'`]/.exec(main.toString('utf8'))?.[1];
  const lit = await bundle(fileURLToPath(new URL('./lit-reference.js', import.meta.url)));
  return {
    widget: gzipSize(main),
    form: gzipSize(read('lapor-form.js')),
    tracker: gzipSize(read('lapor-tracker.js')),
    english: englishChunk ? gzipSize(read(englishChunk)) : 0,
    lit: gzipSize(lit),
    map: mapSizes(),
  };
}

function mapSizes(folder = join(HUB_DATA, 'map')) {
  const sizes = readdirSync(folder)
    .filter((name) => /^\d{2}\.json$/.test(name))
    .map((name) => gzipSize(readFileSync(join(folder, name))));
  return { country: gzipSize(readFileSync(join(folder, 'id.json'))), largestProvince: Math.max(...sizes) };
}
