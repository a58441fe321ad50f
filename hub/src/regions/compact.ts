import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Papa from 'papaparse';

/**
 * The regions' compact text: a first line naming the idn-area-data version
 * it was made from, then a `code\tname` line per region, the provinces, the
 * regencies and cities, the districts, the villages, each sorted by code as
 * the package's CSV files are. Provinces and regencies are upper case in the
 * data and are written as names are written ("Kota Makassar").
 *
 * The build writes it beside the compiled hub, so that a starting hub reads
 * one small file instead of parsing four CSV files (which would raise its
 * memory for good: the parse's garbage grows the heap, and the heap keeps
 * what it grew). Derived from idn-area-data's ODbL database, like the data.
 */
const require = createRequire(import.meta.url);
const PACKAGE = dirname(require.resolve('idn-area-data/package.json'));
const FILES = ['provinces', 'regencies', 'districts', 'villages'] as const;

/** Provinces and regencies are upper case in the data; show them as names are written. */
const KEEP_UPPER = new Set(['DKI', 'II', 'III']);
export function titleCase(name: string): string {
  return name
    .split(' ')
    .map((word) => (KEEP_UPPER.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

function version(): string {
  return `idn-area-data ${(JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version}`;
}

/** Reads the package's CSV files (with Papa Parse, the package's own parser) into the compact text. */
function make(): string {
  // Loaded only here: a hub that starts from the build's file never needs a CSV parser.
  const papa = require('papaparse') as typeof Papa;
  const lines: string[] = [];
  for (const [depth, file] of FILES.entries()) {
    const rows = papa.parse<string[]>(readFileSync(join(PACKAGE, 'data', `${file}.csv`), 'utf8'), {
      skipEmptyLines: true,
    }).data;
    for (const row of rows.slice(1)) {
      // The code first, the name last; a parent's code between, which the code holds too.
      const [code, name] = [row[0] ?? '', row.at(-1) ?? ''];
      if (/[\t\n]/.test(code + name)) throw new Error(`region ${code} has a tab or a line break`);
      lines.push(`${code}\t${depth < 2 ? titleCase(name) : name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The compact file: its version line, then the text. */
const file = () => `${version()}\n${make()}`;

/** Splits a compact file into its version and its text (both empty for no file). */
function read(contents: string): { version: string; text: string } {
  const newline = contents.indexOf('\n');
  return newline < 0
    ? { version: '', text: '' }
    : { version: contents.slice(0, newline), text: contents.slice(newline + 1) };
}

export const compactRegions = { version, make, file, read };
