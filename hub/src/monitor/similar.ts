import type Database from 'better-sqlite3';
import { and, desc, inArray, notInArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { MONITOR_LIMITS, type PublicReport } from '../../../contract/monitor';
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
} as const;

/** Statuses after which a report is no longer being handled: nothing to follow there. */
const CLOSED = ['finished', 'archived'] as const;

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

export async function similarReports(deps: SimilarDeps, query: SimilarQuery, now: Date): Promise<PublicReport[]> {
  const { db } = deps;
  const words = wordsOf(query.q);
  if (!words.length) return [];
  const counts = await termCounts(db);
  const known = await counts.of(db, [...new Set(words)]);
  const total = known.get('') ?? 0;
  const searched = [...new Set(words)]
    .filter((word) => (known.get(word) ?? 0) > 0)
    .sort((a, b) => (known.get(a) ?? 0) - (known.get(b) ?? 0))
    .slice(0, SIMILAR.searched);
  if (!searched.length) return [];
  const family = deps.directory.family(query.institution);
  const found = await candidates(db, searched, family.length ? family : [query.institution]);
  if (!found.length) return [];

  const texts = found.map(wordsOfCandidate);
  const weigh = tfIdf(await counts.of(db, [...new Set(texts.flat())]), total);
  const asked = weigh(words);
  const scored = found
    .map((row, i) => ({ row, similarity: cosine(asked, weigh(texts[i] ?? [])) }))
    .filter((candidate) => candidate.similarity >= SIMILAR.least);
  const best = Math.max(0, ...scored.map((candidate) => candidate.similarity));
  const shown = scored
    .filter((candidate) => candidate.similarity >= SIMILAR.ofBest * best)
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

/** A published report's title and excerpt never change: their stems are kept for the next visitor who meets it. */
const candidateWords = new LRUCache<number, string[]>({ max: 20_000 });

function wordsOfCandidate(row: Candidate): string[] {
  let words = candidateWords.get(row.reportId);
  if (!words) {
    words = wordsOf(`${row.title ?? ''} ${row.excerpt ?? ''}`);
    candidateWords.set(row.reportId, words);
  }
  return words;
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
        where m.published and m.holder in (select value from json_each(?)) and m.status not in ('finished', 'archived')
        order by m.report_id desc limit ${SIMILAR.candidates}`);
      sqliteCandidates.set(db.$sqlite, statement);
    }
    const wanted = stems.map((stem) => `"${stem}"`).join(' OR ');
    return statement.all(wanted, JSON.stringify(institutions)) as Candidate[];
  }
  const { monitorReports: m } = db.$tables;
  return db
    .select({
      reportId: m.reportId,
      title: m.title,
      excerpt: m.excerpt,
      regionCode: m.regionCode,
      categoryId: m.categoryId,
    })
    .from(m)
    .where(
      and(
        sql`${m.published}`,
        inArray(m.holder, institutions),
        notInArray(m.status, [...CLOSED]),
        sql`${m.reportId} in (select report_id from monitor_search
          where document @@ to_tsquery('simple', ${stems.join(' | ')}) order by report_id desc limit ${SIMILAR.matches})`,
      ),
    )
    .orderBy(desc(m.reportId))
    .limit(SIMILAR.candidates);
}
const sqliteCandidates = new WeakMap<Database.Database, Database.Statement>();

/**
 * How many indexed reports hold each stem (`''`: how many are indexed),
 * kept in memory until the projector next moves anything: a stem's count
 * is read once however many visitors write it.
 */
class TermCounts {
  private readonly counts = new Map<string, number>();
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
const kept = new WeakMap<Db, TermCounts>();

async function termCounts(db: Db): Promise<TermCounts> {
  const version = await monitorVersion(db);
  let counts = kept.get(db);
  // A few hundred thousand stems at most; a hub that ran long without a pass starts afresh rather than grow.
  if (!counts || counts.version !== version) {
    counts = new TermCounts(version);
    kept.set(db, counts);
  }
  return counts;
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
