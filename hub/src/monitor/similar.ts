import { and, desc, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PublicReport } from '../../../contract/monitor';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import type { Directory } from '../directory/directory';
import { monitorVersion } from './answers';
import { type ListDeps, publicReport } from './list';
import {
  type Candidate,
  offered,
  RankMemory,
  rankSimilar,
  SIMILAR,
  type SimilarQuery,
  type SimilarReader,
  sqliteReader,
} from './similar-ranking';

export { SIMILAR, type SimilarQuery } from './similar-ranking';

/**
 * "Laporan serupa": published reports still open at an institution that
 * say what a visitor is writing, so that they can follow one instead of
 * filing it again. Ranked by similar-ranking.ts, in this thread or in a
 * worker's (similar-worker.ts); the few shown are read here, whole.
 */

/** Ranks candidates: in this thread, or in a worker thread on a connection of its own. */
export interface SimilarMatcher {
  rank(query: SimilarQuery, family: string[], scan: number): Promise<number[]>;
}

export interface SimilarDeps extends ListDeps {
  directory: ListDeps['directory'] & Pick<Directory, 'family'>;
  /** The hub's worker (server.ts); without one, the ranking runs in this thread. */
  similarMatcher?: SimilarMatcher;
}

/** `scan`: see SIMILAR.scanned (the tests set it to 0 to rank only what the index finds). */
export async function similarReports(
  deps: SimilarDeps,
  query: SimilarQuery,
  now: Date,
  scan: number = SIMILAR.scanned,
): Promise<PublicReport[]> {
  const { db } = deps;
  const members = deps.directory.family(query.institution);
  const family = members.length ? members : [query.institution];
  const ranked = await (deps.similarMatcher ?? inThisThread(db)).rank(query, family, scan);
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

/** The ranking on the hub's own connection, with what it keeps between visitors (by database: ids are each one's). */
const matchers = new WeakMap<Db, SimilarMatcher>();

export function inThisThread(db: Db): SimilarMatcher {
  let matcher = matchers.get(db);
  if (!matcher) {
    const reader = db.$sqlite ? sqliteReader(db.$sqlite) : drizzleReader(db);
    const memory = new RankMemory();
    matcher = { rank: (query, family, scan) => rankSimilar(reader, memory, query, family, scan) };
    matchers.set(db, matcher);
  }
  return matcher;
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

const CANDIDATE_COLUMNS = (m: Db['$tables']['monitorReports']) => ({
  reportId: m.reportId,
  title: m.title,
  excerpt: m.excerpt,
  regionCode: m.regionCode,
  categoryId: m.categoryId,
});

/**
 * PostgreSQL's reader (through drizzle): its index holds no holder, so the
 * holder is joined inside the limit, which gives the same reports as
 * SQLite's index.
 */
function drizzleReader(db: Db): SimilarReader {
  const { monitorReports: m, monitorTerms: t } = db.$tables;
  const open = sql.raw(offered('monitor_reports'));
  return {
    version: () => monitorVersion(db),
    termCounts: (stems) => db.select().from(t).where(inArray(t.term, stems)),
    openReports: (institutions, limit): Promise<Candidate[]> =>
      db
        .select(CANDIDATE_COLUMNS(m))
        .from(m)
        .where(and(inArray(m.holder, institutions), open))
        .orderBy(desc(m.reportId))
        .limit(limit),
    candidates: (stems, institutions): Promise<Candidate[]> =>
      db
        .select(CANDIDATE_COLUMNS(m))
        .from(m)
        .where(
          and(
            open,
            sql`${m.reportId} in (select s.report_id from monitor_search s join monitor_reports h on h.report_id = s.report_id
              where s.document @@ to_tsquery('simple', ${stems.join(' | ')}) and h.holder in ${institutions}
              order by s.report_id desc limit ${SIMILAR.matches})`,
          ),
        )
        .orderBy(desc(m.reportId))
        .limit(SIMILAR.candidates),
  };
}
