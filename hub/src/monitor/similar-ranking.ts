import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { MONITOR_LIMITS } from '../../../contract/monitor';
import { CLOSED_STATUSES } from '../../../contract/status';
import { anyStem, heldBy } from './search';
import { wordsOf } from './words';

/**
 * The ranking of "laporan serupa" (similar.ts): which open published
 * reports of an institution's family say what a visitor is writing, best
 * first. It reads the database only through a SimilarReader, so that it runs
 * the same on PostgreSQL, on the hub's own SQLite connection, or in a worker
 * thread on a connection of its own (similar-worker.ts).
 *
 * Candidates come from the search index (search.ts) by the query's rarer
 * stems, the newest first; they are ranked by the cosine of the two texts'
 * stems weighted by rarity (tf-idf over every indexed report), a report kept
 * only when it is close enough on its own and beside the closest; among
 * those, the same place and category lift a report a little, and the newer
 * goes first on a tie. The thresholds were set on the labelled pairs in
 * similar-pairs.ts, where they find the true duplicate among the three
 * shown for 91 of 100 later reports and show 4 % of the unrelated reports at
 * the same institution (6.7 % when the duplicate is not there to outrank
 * them); similar.test.ts holds them, BENCHMARKS.md states them.
 */
export const SIMILAR = {
  /** Suggestions at most. */
  shown: MONITOR_LIMITS.similarShown,
  /** The least text similarity (0–1) a suggestion needs. */
  least: 0.25,
  /** And at least this share of the closest suggestion's. */
  ofBest: 0.5,
  /** Candidates ranked here, the newest matching first. */
  candidates: 40,
  /** Stems of the query searched for, the rarest first. */
  searched: 6,
  /** The institutions' reports holding them looked at, the newest first: a common stem's thousands are never all read. */
  matches: 100,
  /**
   * An institution (with those under it) holding at most this many open
   * published reports has them all ranked, so that a school's duplicate is
   * found however many other schools use its words; a larger one, those the
   * index finds among the newest matches.
   */
  scanned: 300,
} as const;

export interface SimilarQuery {
  institution: string;
  /** What the visitor has written: the title and the chronology's first sentences. */
  q: string;
  /** Where and about what, when the visitor said: a tie goes to the report of the same place or category. */
  region?: string;
  category?: string;
}

/** What ranking needs of a candidate; the few shown are then read whole. */
export interface Candidate {
  reportId: number;
  title: string | null;
  excerpt: string | null;
  regionCode: string | null;
  categoryId: string | null;
}

/** What ranking reads, written for each database and connection. */
export interface SimilarReader {
  /** The projector's count of passes (answers.ts): stem counts are kept until it moves. */
  version(): Promise<number>;
  /** How many indexed reports hold each stem, and under `''` how many are indexed; a stem held by none is absent. */
  termCounts(stems: string[]): Promise<{ term: string; reports: number }[]>;
  /** The institutions' open published reports, the newest first, `limit` at most. */
  openReports(institutions: string[], limit: number): Promise<Candidate[]>;
  /** Open published reports among the institutions' newest `SIMILAR.matches` holding any of the stems, newest first. */
  candidates(stems: string[], institutions: string[]): Promise<Candidate[]>;
}

/** A family whose open reports were too many to rank one by one is looked at again after this long. */
const LARGE_FOR_MS = 10 * 60_000;

/**
 * What ranking keeps between visitors, one per connection read: how many
 * indexed reports hold each stem (read once however many visitors write it,
 * until the projector next moves anything), the families found to hold more
 * open reports than are ranked one by one, and the stems of candidates met
 * (a published report's title and excerpt never change).
 */
export class RankMemory {
  private counts = new Map<string, number>();
  private version = -1;
  private readonly large = new Map<string, number>();
  readonly words = new LRUCache<number, string[]>({ max: 20_000 });

  async countsOf(reader: SimilarReader, stems: string[]): Promise<Map<string, number>> {
    const version = await reader.version();
    // A few hundred thousand stems at most; a hub that ran long without a pass starts afresh rather than grow.
    if (version !== this.version) {
      this.counts = new Map();
      this.version = version;
    }
    const wanted = ['', ...stems].filter((stem) => !this.counts.has(stem));
    for (let start = 0; start < wanted.length; start += 900) {
      const part = wanted.slice(start, start + 900);
      const rows = await reader.termCounts(part);
      for (const stem of part) this.counts.set(stem, 0);
      for (const row of rows) this.counts.set(row.term, row.reports);
    }
    return this.counts;
  }

  isLarge(family: string, now: number): boolean {
    return (this.large.get(family) ?? Number.NEGATIVE_INFINITY) > now - LARGE_FOR_MS;
  }

  foundLarge(family: string, now: number): void {
    this.large.set(family, now);
  }

  wordsOf(row: Candidate): string[] {
    let words = this.words.get(row.reportId);
    if (!words) {
      words = wordsOf(`${row.title ?? ''} ${row.excerpt ?? ''}`);
      this.words.set(row.reportId, words);
    }
    return words;
  }
}

/**
 * The ids of the reports close to what the visitor wrote, best first (more
 * than are shown: the caller passes over any found to repeat another).
 * `family`: the institution and those under it. `scan`: see SIMILAR.scanned
 * (the tests set it to 0 to rank only what the index finds).
 */
export async function rankSimilar(
  reader: SimilarReader,
  memory: RankMemory,
  query: SimilarQuery,
  family: string[],
  scan: number = SIMILAR.scanned,
): Promise<number[]> {
  const words = wordsOf(query.q);
  if (!words.length) return [];
  const distinct = [...new Set(words)];
  const known = await memory.countsOf(reader, distinct);
  const total = known.get('') ?? 0;
  const searched = distinct
    .filter((word) => (known.get(word) ?? 0) > 0)
    .sort((a, b) => (known.get(a) ?? 0) - (known.get(b) ?? 0))
    .slice(0, SIMILAR.searched);
  if (!searched.length) return [];
  let found: Candidate[] | undefined;
  const now = Date.now();
  // Large for this many: a ranking asked to scan fewer (as the tests do) has a verdict of its own.
  const large = `${scan}|${query.institution}`;
  if (!memory.isLarge(large, now)) {
    const open = await reader.openReports(family, scan + 1);
    if (open.length <= scan) found = open;
    else memory.foundLarge(large, now);
  }
  found ??= await reader.candidates(searched, family);
  if (!found.length) return [];

  const texts = found.map((row) => memory.wordsOf(row));
  const weigh = tfIdf(await memory.countsOf(reader, [...new Set(texts.flat())]), total);
  const asked = weigh(words);
  const scored = found
    .map((row, i) => ({ row, similarity: cosine(asked, weigh(texts[i] ?? [])) }))
    .filter((candidate) => candidate.similarity >= SIMILAR.least);
  const best = Math.max(0, ...scored.map((candidate) => candidate.similarity));
  return scored
    .filter((candidate) => candidate.similarity >= SIMILAR.ofBest * best)
    .map((candidate) => ({ ...candidate, rank: candidate.similarity + nearness(candidate.row, query) }))
    .sort((a, b) => b.rank - a.rank || b.row.reportId - a.row.reportId)
    .map((candidate) => candidate.row.reportId);
}

/** Published and still open, of the monitor rows named `m`. */
export const offered = (m: string) =>
  `${m}.published and ${m}.status not in (${CLOSED_STATUSES.map((status) => `'${status}'`).join(', ')})`;

const CANDIDATE =
  'm.report_id as reportId, m.title, m.excerpt, m.region_code as regionCode, m.category_id as categoryId';

/**
 * The reader of a SQLite connection: statements prepared once (a
 * suggestion is asked for as a visitor pauses), the holder found inside the
 * search index itself (search.ts).
 */
export function sqliteReader(sqlite: Database.Database): SimilarReader {
  const version = sqlite.prepare('select version from monitor_state where id = 1').pluck();
  const terms = sqlite.prepare(
    'select term, reports from monitor_terms where term in (select value from json_each(?))',
  );
  const open = sqlite.prepare(`select ${CANDIDATE} from monitor_reports m
    where m.holder in (select value from json_each(?)) and ${offered('m')}
    order by m.report_id desc limit ?`);
  // The matches as an IN list: SQLite keeps it sorted and walks it newest first, so it reads monitor rows only
  // until it has the candidates (a join sorted them all first: 20 % more for the same rows).
  const matching = sqlite.prepare(`select ${CANDIDATE} from monitor_reports m
    where m.report_id in (
      select -rowid from monitor_search where monitor_search match ? order by rowid limit ${SIMILAR.matches}
    ) and ${offered('m')}
    order by m.report_id desc limit ${SIMILAR.candidates}`);
  return {
    version: async () => (version.get() as number | undefined) ?? 0,
    termCounts: async (stems) => terms.all(JSON.stringify(stems)) as { term: string; reports: number }[],
    openReports: async (institutions, limit) => open.all(JSON.stringify(institutions), limit) as Candidate[],
    candidates: async (stems, institutions) =>
      matching.all(`${heldBy(institutions)} AND ${anyStem(stems)}`) as Candidate[],
  };
}

/** A small lift for the same regency (or province) and category: it orders, it never lets a report in. */
function nearness(row: Candidate, query: SimilarQuery): number {
  const region = query.region ?? '';
  const code = row.regionCode ?? '';
  const place =
    region && code && (code.startsWith(region) || region.startsWith(code))
      ? 0.02
      : region && code.slice(0, 2) === region.slice(0, 2)
        ? 0.01
        : 0;
  return place + (query.category && row.categoryId === query.category ? 0.01 : 0);
}

type Vector = Map<string, number>;

/** A text's stems weighted by how often it says each (dampened) and how rare each is among the reports. */
function tfIdf(frequencies: Map<string, number>, total: number) {
  return (words: string[]): Vector => {
    const vector: Vector = new Map();
    for (const word of words) vector.set(word, (vector.get(word) ?? 0) + 1);
    for (const [word, count] of vector) {
      vector.set(word, (1 + Math.log(count)) * Math.log(1 + total / (frequencies.get(word) || 0.5)));
    }
    return vector;
  };
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [word, weight] of a) dot += weight * (b.get(word) ?? 0);
  const norm = (vector: Vector) => Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
  return dot / (norm(a) * norm(b) || 1);
}
