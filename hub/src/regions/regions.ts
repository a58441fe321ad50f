import { existsSync, readFileSync } from 'node:fs';
import type { Region } from '../../../contract';
import { REGIONS_BUILD } from '../paths';
import { compactRegions, fromOneByte, searchable } from './compact';

/**
 * Indonesia's administrative regions from the `idn-area-data` package (38
 * provinces, 514 regencies and cities, 7,277 districts, 83,763 villages).
 */
export interface Regions {
  find(code: string): Region | undefined;
  /** The regions directly under `parent`, or the provinces. */
  children(parent?: string): Region[];
  /** Regions whose name contains every word of `query` (at least one), under `parent` if given; prefix matches first. */
  search(query: string, parent?: string): Region[];
  /** The region and the regions above it, province first. */
  path(code: string): Region[];
  /** The region spelled out, smallest first: "Panakkukang, Kota Makassar, Sulawesi Selatan". */
  describe(code: string): string;
}

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

/**
 * The regions held compact (compact.ts): one `code\tname` text, each level's
 * lines sorted by code, and where each line starts. A region becomes an
 * object only when asked for. As 91,000 objects with their maps and folded
 * names they took ~27 MB of heap and ~60 MB of RSS; this way ~5 MB. A code
 * is found by binary search without making strings; a region's parent is
 * its code without the last part; one parent's children are one run of the
 * next level's sorted lines.
 */
interface Level {
  readonly level: Region['level'];
  readonly text: string;
  /** Where each of this level's lines starts in `text`, and one more: where the next level starts. */
  readonly starts: Uint32Array;
}

const lineCount = (level: Level) => level.starts.length - 1;
const lineEnd = (level: Level, i: number) => (level.starts[i + 1] ?? 0) - 1;
const tabOf = (level: Level, i: number) => level.text.indexOf('\t', level.starts[i]);

function regionAt(level: Level, i: number): Region {
  const tab = tabOf(level, i);
  const code = level.text.slice(level.starts[i], tab);
  const name = fromOneByte(level.text.slice(tab + 1, lineEnd(level, i)));
  const dot = code.lastIndexOf('.');
  return { code, name, level: level.level, ...(dot > 0 && { parentCode: code.slice(0, dot) }) };
}

/** Line i's code against `code`, compared in place. */
function compareCode(level: Level, i: number, code: string): number {
  const start = level.starts[i] ?? 0;
  for (let k = 0; ; k++) {
    const a = level.text.charCodeAt(start + k);
    const ended = a === 9; // the tab after the code
    if (k === code.length) return ended ? 0 : 1;
    if (ended) return -1;
    const b = code.charCodeAt(k);
    if (a !== b) return a - b;
  }
}

/** The first line whose code is not below `code`. */
function lowerBound(level: Level, code: string): number {
  let low = 0;
  let high = lineCount(level);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCode(level, middle, code) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The line that holds text position `at`. */
function lineAt(level: Level, at: number): number {
  let low = 0;
  let high = lineCount(level) - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((level.starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The lines whose codes start with `prefix` (`73.71.`): one run, as the lines are sorted. */
function runOf(level: Level, prefix: string): [number, number] {
  // '/' follows '.' in character order: every code starting with `73.71.` is below `73.71/`.
  return [lowerBound(level, prefix), lowerBound(level, `${prefix.slice(0, -1)}/`)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regions of a compact text (compact.ts); checks that each level's lines are in order. */
export function regionsFromText(text: string): Regions {
  const starts: number[] = [];
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1) starts.push(at);
  const all = Uint32Array.from([...starts, text.length]);
  const depthOf = (i: number) => {
    const start = all[i] ?? 0;
    let depth = 0;
    for (let k = start; text.charCodeAt(k) !== 9; k++) if (text.charCodeAt(k) === 46) depth++;
    return depth;
  };
  const levels: Level[] = [];
  let from = 0;
  for (const [depth, level] of LEVELS.entries()) {
    let to = from;
    while (to < starts.length && depthOf(to) === depth) to++;
    levels.push({ level, text, starts: all.subarray(from, to + 1) });
    from = to;
  }
  if (from !== starts.length) throw new Error('the regions are not in level order');
  for (const level of levels) {
    for (let i = 1; i < lineCount(level); i++) {
      const code = text.slice(level.starts[i], tabOf(level, i));
      if (compareCode(level, i - 1, code) >= 0) throw new Error(`region ${code} is out of order`);
    }
  }
  return regionsOf(levels);
}

function regionsOf(levels: readonly Level[]): Regions {
  const levelOf = (code: string) => levels[code.split('.').length - 1];
  const find = (code: string): Region | undefined => {
    const level = levelOf(code);
    if (!level) return undefined;
    const i = lowerBound(level, code);
    return i < lineCount(level) && compareCode(level, i, code) === 0 ? regionAt(level, i) : undefined;
  };
  const regions: Regions = {
    find,
    children(parent) {
      const level = parent ? levelOf(`${parent}.0`) : levels[0];
      if (!level) return [];
      const [from, to] = parent ? runOf(level, `${parent}.`) : [0, lineCount(level)];
      return Array.from({ length: to - from }, (_, k) => regionAt(level, from + k));
    },
    search(query, parent) {
      const words = searchable(query.toLowerCase()).split(/\s+/).filter(Boolean);
      const [first, ...rest] = words;
      if (!first) return [];
      const prefixed: Region[] = [];
      const others: Region[] = [];
      const occurrence = new RegExp(escapeRegExp(first), 'gi');
      for (const level of levels) {
        const [from, to] = parent ? runOf(level, `${parent}.`) : [0, lineCount(level)];
        const end = level.starts[to] ?? 0;
        // Each place the first word occurs; then the line it is in, if it is in that line's name.
        occurrence.lastIndex = level.starts[from] ?? 0;
        for (let found = occurrence.exec(level.text); found && found.index < end; found = occurrence.exec(level.text)) {
          const i = lineAt(level, found.index);
          const nameStart = tabOf(level, i) + 1;
          if (found.index < nameStart) continue;
          const name = level.text.slice(nameStart, lineEnd(level, i)).toLowerCase();
          if (rest.every((word) => name.includes(word))) {
            (name.startsWith(first) ? prefixed : others).push(regionAt(level, i));
          }
          occurrence.lastIndex = lineEnd(level, i) + 1;
        }
      }
      return [...prefixed, ...others];
    },
    path(code) {
      if (!find(code)) return [];
      const parts = code.split('.');
      return parts.flatMap((_, depth) => find(parts.slice(0, depth + 1).join('.')) ?? []);
    },
    describe(code) {
      return regions
        .path(code)
        .map((region) => region.name)
        .reverse()
        .join(', ');
    },
  };
  return regions;
}

/**
 * The regions from the compact file the build writes (scripts/build-hub.ts),
 * which takes milliseconds and no parsing; where there is none, or it was
 * made from another version of the data (in development, in tests), made
 * afresh from idn-area-data's CSV files.
 */
export function readRegions(file: string): Regions {
  const { version, text } = compactRegions.read(existsSync(file) ? readFileSync(file, 'utf8') : '');
  return regionsFromText(version === compactRegions.version() ? text : compactRegions.make());
}

let loaded: Regions | undefined;

/** The regions, read once per process. */
export function loadRegions(): Promise<Regions> {
  loaded ??= readRegions(REGIONS_BUILD);
  return Promise.resolve(loaded);
}
