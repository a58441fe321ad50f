import type Database from 'better-sqlite3';
import { and, desc, getTableColumns, inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { MONITOR_LIMITS, type PublicReport } from '../../../contract/monitor';
import { CLOSED_STATUSES } from '../../../contract/status';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import type { Directory } from '../directory/directory';
import { monitorVersion } from './answers';
import { type ListDeps, publicReport } from './list';
import { anyStem, heldBy } from './search';
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
  const ranked = close
    .map((candidate) => ({ ...candidate, rank: candidate.similarity + nearness(candidate.row, query) }))
    .sort((a, b) => b.rank - a.rank || b.row.reportId - a.row.reportId)
    .map((candidate) => candidate.row.reportId);
  // The best read whole, a few at a time: a report found to repeat an earlier one (rare) is passed over for the
  // next, and the earlier one is offered if it is close too.
  const shown: PublicReport[] = [];
  for (let at = 0; at < ranked.length && shown.length < SIMILAR.shown; at += SIMILAR.shown) {
    const ids = ranked.slice(at, at + SIMILAR.shown);
    const rows = new Map(
      (await shownRows(db).execute(Object.fromEntries(SHOWN.map((name, i) => [name, ids[i] ?? 0])))).map(
        ({ repeats, ...row }) => [row.reportId, repeats ? undefined : row] as const,
      ),
    );
    for (const id of ids) {
      const row = rows.get(id);
      if (row && shown.length < SIMILAR.shown) shown.push(publicReport(deps, row, now));
    }
  }
  return shown;
}

/**
 * The few shown, read whole, and whether each was found to repeat an
 * earlier report (reports/duplicates.ts): one statement prepared once (an
 * id 0 is no report's).
 */
const SHOWN = Array.from({ length: SIMILAR.shown }, (_, i) => `shown${i}`);
const shownRows = prepared('similar_shown', (db) => {
  const { monitorReports: m } = db.$tables;
  return db
    .select({
      ...getTableColumns(m),
      // Spelled out: drizzle leaves a column unqualified in a select's fields, where both tables have report_id.
      repeats: sql<boolean>`exists (select 1 from report_events e
        where e.report_id = monitor_reports.report_id and e.type = 'duplicate')`.mapWith(Boolean),
    })
    .from(m)
    .where(
      inArray(
        m.reportId,
        SHOWN.map((name) => sql.placeholder(name)),
      ),
    );
});

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

/** Published and still open, of the monitor rows named `m`. */
const offered = (m: string) =>
  `${m}.published and ${m}.status not in (${CLOSED_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** The institutions' open published reports, the newest first, `limit` at most. */
function openReports(db: Db, institutions: string[], limit: number): Promise<Candidate[]> {
  const { monitorReports: m } = db.$tables;
  return db
    .select(CANDIDATE_COLUMNS(m))
    .from(m)
    .where(and(inArray(m.holder, institutions), sql.raw(offered('monitor_reports'))))
    .orderBy(desc(m.reportId))
    .limit(limit);
}

/**
 * Open published reports among the institutions' newest `SIMILAR.matches`
 * holding any of the stems (whole stems: they were folded and stemmed
 * alike), the newest first. Written for each database: the full-text
 * search is each one's own (SQLite's finds the holder in its index), and a
 * suggestion is asked for as a visitor pauses, so the statement is prepared
 * once rather than built each time.
 */
async function candidates(db: Db, stems: string[], institutions: string[]): Promise<Candidate[]> {
  if (db.$sqlite) {
    let statement = sqliteCandidates.get(db.$sqlite);
    if (!statement) {
      statement = db.$sqlite.prepare(`
        select m.report_id as reportId, m.title, m.excerpt, m.region_code as regionCode, m.category_id as categoryId
        from (select -rowid as id from monitor_search where monitor_search match ? order by rowid limit ${SIMILAR.matches}) s
        join monitor_reports m on m.report_id = s.id
        where ${offered('m')}
        order by m.report_id desc limit ${SIMILAR.candidates}`);
      sqliteCandidates.set(db.$sqlite, statement);
    }
    return statement.all(`${heldBy(institutions)} AND ${anyStem(stems)}`) as Candidate[];
  }
  const { monitorReports: m } = db.$tables;
  return db
    .select(CANDIDATE_COLUMNS(m))
    .from(m)
    .where(
      and(
        sql.raw(offered('monitor_reports')),
        sql`${m.reportId} in (select s.report_id from monitor_search s join monitor_reports h on h.report_id = s.report_id
          where s.document @@ to_tsquery('simple', ${stems.join(' | ')}) and h.holder in ${institutions}
          order by s.report_id desc limit ${SIMILAR.matches})`,
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
