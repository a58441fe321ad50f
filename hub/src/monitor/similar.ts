import type Database from 'better-sqlite3';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { MONITOR_LIMITS, type PublicReport } from '../../../contract/monitor';
import { CLOSED_STATUSES } from '../../../contract/status';
import type { Db } from '../db/client';
import type { Directory } from '../directory/directory';
import { monitorVersion } from './answers';
import { type ListDeps, publicReport } from './list';
import { wordsOf } from './words';

/**
 * "Laporan serupa": published reports still open at an institution that
 * say what a visitor is writing, so that they can follow one instead of
 * filing it again.
 *
 * Both databases find the candidates from the search index (search.ts) by
 * the query's rarer stems, the newest first; the ranking is done here, the
 * same on both: the cosine of the two texts' stems weighted by rarity
 * (tf-idf over every indexed report), a report shown only when it is close
 * enough on its own and beside the closest; among those, the same place
 * and category lift a report a little, and the newer goes first on a tie. The thresholds were set on the labelled
 * pairs in similar-pairs.ts, where they find the true duplicate among the
 * three shown for 91 of 100 later reports and show 4 % of the unrelated
 * reports at the same institution (6.7 % when the duplicate is not there to
 * outrank them); similar.test.ts holds them, BENCHMARKS.md states them.
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
  searched: 8,
  /** Reports holding them looked at, the newest first: a common stem's millions are never all read. */
  matches: 400,
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

export interface SimilarDeps extends ListDeps {
  directory: ListDeps['directory'] & Pick<Directory, 'family'>;
}

type Vector = Map<string, number>;

/** What ranking needs of a candidate; the few shown are then read whole. */
interface Candidate {
  reportId: number;
  title: string | null;
  excerpt: string | null;
  regionCode: string | null;
  categoryId: string | null;
}

/** `scan`: see SIMILAR.scanned (the tests set it to 0 to rank only what the index finds). */
export async function similarReports(
  deps: SimilarDeps,
  query: SimilarQuery,
  now: Date,
  scan: number = SIMILAR.scanned,
): Promise<PublicReport[]> {
  const { db } = deps;
  const words = wordsOf(query.q);
  if (!words.length) return [];
  const counts = await keptFor(db);
  const distinct = [...new Set(words)];
  const known = await counts.of(db, distinct);
  const total = known.get('') ?? 0;
  const searched = distinct
    .filter((word) => (known.get(word) ?? 0) > 0)
    .sort((a, b) => (known.get(a) ?? 0) - (known.get(b) ?? 0))
    .slice(0, SIMILAR.searched);
  if (!searched.length) return [];
  const members = deps.directory.family(query.institution);
  const family = members.length ? members : [query.institution];
  let found: Candidate[] | undefined;
  if (!counts.large.has(query.institution)) {
    const open = await openReports(db, family, scan + 1);
    if (open.length <= scan) found = open;
    else counts.large.add(query.institution);
  }
  found ??= await candidates(db, searched, family);
  if (!found.length) return [];

  const texts = wordsOfCandidates(db, found);
  const weigh = tfIdf(await counts.of(db, [...new Set(texts.flat())]), total);
  const asked = weigh(words);
  const scored = found
    .map((row, i) => ({ row, similarity: cosine(asked, weigh(texts[i] ?? [])) }))
    .filter((candidate) => candidate.similarity >= SIMILAR.least);
  const best = Math.max(0, ...scored.map((candidate) => candidate.similarity));
  const close = scored.filter((candidate) => candidate.similarity >= SIMILAR.ofBest * best);
  // A report found to repeat an earlier one is not offered: the earlier one is, if it is close too.
  const repeats = await duplicatesAmong(
    db,
    close.map((candidate) => candidate.row.reportId),
  );
  const shown = close
    .filter((candidate) => !repeats.has(candidate.row.reportId))
    .map((candidate) => ({ ...candidate, rank: candidate.similarity + nearness(candidate.row, query) }))
    .sort((a, b) => b.rank - a.rank || b.row.reportId - a.row.reportId)
    .slice(0, SIMILAR.shown)
    .map((candidate) => candidate.row.reportId);
  if (!shown.length) return [];
  const { monitorReports: m } = db.$tables;
  const rows = new Map(
    (await db.select().from(m).where(inArray(m.reportId, shown))).map((row) => [row.reportId, row] as const),
  );
  return shown.flatMap((id) => {
    const row = rows.get(id);
    return row ? [publicReport(deps, row, now)] : [];
  });
}

/**
 * A published report's title and excerpt never change: their stems are
 * kept for the next visitor who meets it (by database: report ids are
 * each database's own).
 */
const candidateWords = new WeakMap<Db, LRUCache<number, string[]>>();

function wordsOfCandidates(db: Db, rows: Candidate[]): string[][] {
  let kept = candidateWords.get(db);
  if (!kept) {
    kept = new LRUCache({ max: 20_000 });
    candidateWords.set(db, kept);
  }
  return rows.map((row) => {
    let words = kept.get(row.reportId);
    if (!words) {
      words = wordsOf(`${row.title ?? ''} ${row.excerpt ?? ''}`);
      kept.set(row.reportId, words);
    }
    return words;
  });
}

/** Which of the reports were found to repeat an earlier one (reports/duplicates.ts). */
async function duplicatesAmong(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { reportEvents: e } = db.$tables;
  const rows = await db
    .select({ reportId: e.reportId })
    .from(e)
    .where(and(inArray(e.reportId, ids), eq(e.type, 'duplicate')));
  return new Set(rows.map((row) => row.reportId));
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

const CANDIDATE_COLUMNS = (m: Db['$tables']['monitorReports']) => ({
  reportId: m.reportId,
  title: m.title,
  excerpt: m.excerpt,
  regionCode: m.regionCode,
  categoryId: m.categoryId,
});

/** The institutions' open published reports, the newest first, `limit` at most. */
function openReports(db: Db, institutions: string[], limit: number): Promise<Candidate[]> {
  const { monitorReports: m } = db.$tables;
  return db
    .select(CANDIDATE_COLUMNS(m))
    .from(m)
    .where(and(sql`${m.published}`, inArray(m.holder, institutions), notInArray(m.status, [...CLOSED_STATUSES])))
    .orderBy(desc(m.reportId))
    .limit(limit);
}

/**
 * Open published reports of the institutions among the newest
 * `SIMILAR.matches` holding any of the stems (whole stems: they were folded
 * and stemmed alike), the newest first. Written for each database: the full
 * text search is each one's own, and a suggestion is asked for as a visitor
 * pauses, so the statement is prepared once rather than built each time.
 */
async function candidates(db: Db, stems: string[], institutions: string[]): Promise<Candidate[]> {
  if (db.$sqlite) {
    let statement = sqliteCandidates.get(db.$sqlite);
    if (!statement) {
      statement = db.$sqlite.prepare(`
        select m.report_id as reportId, m.title, m.excerpt, m.region_code as regionCode, m.category_id as categoryId
        from (select rowid as id from monitor_search where monitor_search match ? order by rowid desc limit ${SIMILAR.matches}) s
        join monitor_reports m on m.report_id = s.id
        where m.published and m.holder in (select value from json_each(?)) and m.status not in (${CLOSED_STATUSES.map((status) => `'${status}'`).join(', ')})
        order by m.report_id desc limit ${SIMILAR.candidates}`);
      sqliteCandidates.set(db.$sqlite, statement);
    }
    const wanted = stems.map((stem) => `"${stem}"`).join(' OR ');
    return statement.all(wanted, JSON.stringify(institutions)) as Candidate[];
  }
  const { monitorReports: m } = db.$tables;
  return db
    .select(CANDIDATE_COLUMNS(m))
    .from(m)
    .where(
      and(
        sql`${m.published}`,
        inArray(m.holder, institutions),
        notInArray(m.status, [...CLOSED_STATUSES]),
        sql`${m.reportId} in (select report_id from monitor_search
          where document @@ to_tsquery('simple', ${stems.join(' | ')}) order by report_id desc limit ${SIMILAR.matches})`,
      ),
    )
    .orderBy(desc(m.reportId))
    .limit(SIMILAR.candidates);
}
const sqliteCandidates = new WeakMap<Database.Database, Database.Statement>();

/**
 * What is kept in memory until the projector next moves anything: how many
 * indexed reports hold each stem (`''`: how many are indexed), read once
 * however many visitors write it, and the institutions found to hold more
 * open reports than are ranked one by one.
 */
class Kept {
  private readonly counts = new Map<string, number>();
  readonly large = new Set<string>();
  constructor(readonly version: number) {}

  async of(db: Db, stems: string[]): Promise<Map<string, number>> {
    const wanted = ['', ...stems].filter((stem) => !this.counts.has(stem));
    const { monitorTerms: t } = db.$tables;
    for (let start = 0; start < wanted.length; start += 900) {
      const part = wanted.slice(start, start + 900);
      const rows = await db.select().from(t).where(inArray(t.term, part));
      for (const stem of part) this.counts.set(stem, 0);
      for (const row of rows) this.counts.set(row.term, row.reports);
    }
    return this.counts;
  }
}
const kept = new WeakMap<Db, Kept>();

async function keptFor(db: Db): Promise<Kept> {
  const version = await monitorVersion(db);
  let current = kept.get(db);
  // A few hundred thousand stems at most; a hub that ran long without a pass starts afresh rather than grow.
  if (!current || current.version !== version) {
    current = new Kept(version);
    kept.set(db, current);
  }
  return current;
}

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
