import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

/**
 * Builds the WordPress plugin's zip, dist/lapor-embed-wordpress.zip, as
 * Plugins → Add New → Upload Plugin takes it: the folder lapor-embed/ at its
 * root. fflate is already the hub's zip library.
 */
const root = new URL('../', import.meta.url).pathname;
const plugin = join(root, 'wordpress/lapor-embed');

const entries = Object.fromEntries(
  readdirSync(plugin, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(plugin, join(entry.parentPath, entry.name)))
    .sort()
    .map((path) => [`lapor-embed/${path}`, new Uint8Array(readFileSync(join(plugin, path)))]),
);
// A fixed date keeps the zip the same from one build to the next.
const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist/lapor-embed-wordpress.zip');
writeFileSync(out, zip);
console.log(`${relative(root, out)}: ${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(1)} KB`);
