import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

/**
 * Builds the WordPress plugin's zip, dist/lapor-embed-wordpress.zip, as
 * Plugins → Add New → Upload Plugin takes it: the folder lapor-embed/ at its
 * root. fflate is already the hub's zip library.
 */
const root = new URL('../', import.meta.url).pathname;
const plugin = join(root, 'wordpress/lapor-embed');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const entries = Object.fromEntries(
  filesUnder(plugin)
    .sort()
    .map((path) => [`lapor-embed/${relative(plugin, path)}`, new Uint8Array(readFileSync(path))]),
);
// A fixed date keeps the zip the same from one build to the next.
const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist/lapor-embed-wordpress.zip');
writeFileSync(out, zip);
console.log(`${relative(root, out)}: ${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(1)} KB`);
