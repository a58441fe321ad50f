import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder, found from this module wherever it runs: from
 * hub/src in development, from dist/hub once built. Every file the hub reads
 * at run time is named from here, so moving code between source and build
 * moves no path.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('the hub runs outside its project folder: no package.json above it');
    dir = up;
  }
  return dir;
}

export const ROOT = projectRoot();
/** The shipped directory, categories and holiday decrees. */
export const HUB_DATA = join(ROOT, 'hub/data');
/** Generated migrations, one folder per database (`sqlite/`, `postgres/`). */
export const MIGRATIONS = join(ROOT, 'hub/drizzle');
/** The hub's own pages: the tracker page `/lacak/` and the API reference. */
export const PAGES = join(ROOT, 'hub/public');
/** The regions in their compact form, written by the build (regions/compact.ts). */
export const REGIONS_BUILD = join(ROOT, 'dist/hub/regions.tsv');
/** The built widget bundles. */
export const WIDGET_BUILD = join(ROOT, 'dist/widget');
/** The demo school site. */
export const DEMO_SITE = join(ROOT, 'demo');
