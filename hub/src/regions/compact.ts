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
 * Names are kept one byte a character (toOneByte).
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

/**
 * Characters outside Latin-1 and the Latin-1 code each is kept under: where
 * Windows-1252 puts them, in the C1 range no region's name uses. V8 holds a
 * string of Latin-1 characters at one byte each and any other string at two,
 * so three typographic apostrophes among 91,000 names ("Regapu’u") doubled
 * the text's memory, 2.2 to 4.4 MB.
 */
const STAND_INS = new Map([
  ['\u2018', '\x91'],
  ['\u2019', '\x92'],
  ['\u201c', '\x93'],
  ['\u201d', '\x94'],
  ['\u2013', '\x96'],
  ['\u2014', '\x97'],
]);
const ORIGINALS = new Map([...STAND_INS].map(([original, standIn]) => [standIn, original]));

/** A name in the text's one-byte form; a character with no stand-in stops the build, to be given one. */
export function toOneByte(name: string): string {
  return name.replace(/[^\p{ASCII}\xa0-\xff]/gu, (character) => {
    const standIn = STAND_INS.get(character);
    if (!standIn) throw new Error(`no one-byte stand-in for ${JSON.stringify(character)} in a region's name`);
    return standIn;
  });
}

/** A name from the text as it is written. */
export function fromOneByte(name: string): string {
  return /[\x80-\x9f]/.test(name) ? name.replace(/[\x80-\x9f]/g, (standIn) => ORIGINALS.get(standIn) ?? standIn) : name;
}

/** A search word in the text's form: a character with no stand-in is not in any name, and stays as it is. */
export const searchable = (word: string) => word.replace(/./g, (character) => STAND_INS.get(character) ?? character);

/** The data's version and the file's form: a file of another form is made afresh, like one of other data. */
function version(): string {
  const data = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
  return `idn-area-data ${data}, one byte a character`;
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
      lines.push(`${code}\t${toOneByte(depth < 2 ? titleCase(name) : name)}`);
    }
  }
  // Joined from the CSV's (two-byte) text, the lines would stay two-byte; Latin-1 decoding makes them one byte.
  return Buffer.from(`${lines.join('\n')}\n`, 'latin1').toString('latin1');
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
