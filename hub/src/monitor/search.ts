import type Database from 'better-sqlite3';
import { type Column, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { added } from '../db/prepared';
import { wordsOf } from './words';

/**
 * The search index of published reports: the stems of each one's masked
 * title and text (monitor/words.ts), in SQLite's FTS5 or in a PostgreSQL
 * tsvector with a GIN index (both made by the migrations, outside drizzle's
 * tables, which know neither), and how many reports hold each stem
 * (monitor_terms). The public list's search finds reports in which each
 * word searched for begins a stem; similar reports (similar.ts) are found
 * from it too. The words are folded and stemmed here, before either
 * database sees them, so both find the same reports.
 *
 * SQLite's index also holds each report's holder, so that similar reports
 * find an institution's matches inside the index (PostgreSQL joins the
 * monitor row's, which its planner does well), and keys each report by its
 * negated id: FTS5 reads its lists forwards twice as fast as backwards, and
 * the newest reports are the ones wanted first.
 */

/** At most this many words are searched for; the rest of a pasted paragraph would only narrow to nothing. */
const MAX_TERMS = 8;

/** The stems of a search, each once, letters and digits only (so nothing in them is query syntax). */
export function searchTerms(query: string): string[] {
  return [...new Set(wordsOf(query).map((term) => term.slice(0, 40)))].slice(0, MAX_TERMS);
}

/** A published report's masked words, to index. */
export interface Indexed {
  reportId: number;
  title: string;
  body: string;
  /** The institution holding it now (the monitor row's). */
  holder: string;
}

/** The report id of an FTS5 row, and back: see above. */
export const searchRowid = (reportId: number): number => -reportId;

/** An institution as one word of the index, whatever its id holds: its bytes in hex, after a letter. */
export const holderWord = (institution: string): string => `h${Buffer.from(institution).toString('hex')}`;

/** A query on SQLite's index matching any of `stems` in a report's title or text. */
export const anyStem = (stems: string[]): string => `{title body}: (${stems.map((stem) => `"${stem}"`).join(' OR ')})`;

/** A query on SQLite's index matching the reports held by any of `institutions`. */
export const heldBy = (institutions: string[]): string => `holder: (${institutions.map(holderWord).join(' OR ')})`;

/**
 * Indexes published reports' masked titles and texts (never a report that
 * is not published), and counts their stems, in the transaction `tx`
 * opened on `db`. On SQLite the statement goes straight to the connection,
 * which belongs to that transaction while its body runs.
 */
export async function indexForSearch(db: Db, tx: Tx, reports: Indexed[]): Promise<void> {
  if (!reports.length) return;
  const held = new Map<string, number>([['', reports.length]]);
  for (const report of reports) {
    const [titleWords, bodyWords] = [wordsOf(report.title), wordsOf(report.body)];
    for (const word of new Set([...titleWords, ...bodyWords])) held.set(word, (held.get(word) ?? 0) + 1);
    await writeIndexRow(db, tx, report.reportId, titleWords.join(' '), bodyWords.join(' '), report.holder);
  }
  const { monitorReports, monitorTerms } = tx.$tables;
  await tx
    .update(monitorReports)
    .set({ indexed: true })
    .where(
      inArray(
        monitorReports.reportId,
        reports.map((report) => report.reportId),
      ),
    );
  // In the words' order: concurrent projectors on PostgreSQL lock the rows alike, never crosswise.
  const rows = [...held].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, reports]) => ({ term, reports }));
  for (let start = 0; start < rows.length; start += 500) {
    await tx
      .insert(monitorTerms)
      .values(rows.slice(start, start + 500))
      .onConflictDoUpdate({
        target: monitorTerms.term,
        set: {
          reports: added(monitorTerms.reports),
        },
      });
  }
}

/**
 * An indexed report now held by another institution: its row written again
 * with the new holder (SQLite's; PostgreSQL's index holds none), its stems
 * not counted again.
 */
export async function moveInIndex(db: Db, tx: Tx, report: Indexed): Promise<void> {
  if (!db.$sqlite) return;
  await writeIndexRow(
    db,
    tx,
    report.reportId,
    wordsOf(report.title).join(' '),
    wordsOf(report.body).join(' '),
    report.holder,
  );
}

/** A report's row of the index, its stems joined by spaces. */
async function writeIndexRow(db: Db, tx: Tx, reportId: number, title: string, body: string, holder: string) {
  if (db.$sqlite) {
    let insert = inserts.get(db.$sqlite);
    if (!insert) {
      insert = db.$sqlite.prepare(
        'insert or replace into monitor_search (rowid, title, body, holder) values (?, ?, ?, ?)',
      );
      inserts.set(db.$sqlite, insert);
    }
    insert.run(searchRowid(reportId), title, body, holderWord(holder));
    return;
  }
  await tx.execute(sql`insert into monitor_search (report_id, document)
    values (${reportId}, to_tsvector('simple', ${title} || ' ' || ${body}))
    on conflict (report_id) do update set document = excluded.document`);
}
const inserts = new WeakMap<Database.Database, Database.Statement>();

/** Pages merged by one step of tidying (4 KB each): a few milliseconds of the one writer, and of the event loop. */
const TIDY_PAGES = 200;

/**
 * One step of merging SQLite's index towards a single segment; returns
 * whether there was anything left to merge. FTS5 adds a segment for each
 * transaction that indexes reports and merges them only four at a time, so
 * a hub that indexes as reports come holds dozens, and a search looks up
 * each word in every one of them: at 1,000,000 reports, 30 segments made a
 * similar-reports query five times slower than one. Merged a step at a time
 * (each its own transaction, so filing waits a moment at most), once a day
 * (monitor/projector.ts). PostgreSQL's GIN index keeps itself.
 */
export async function tidySearchIndex(db: Db): Promise<boolean> {
  const sqlite = db.$sqlite;
  if (!sqlite) return false;
  return db.transaction(async () => {
    const changes = sqlite.prepare('select total_changes()').pluck();
    const before = changes.get();
    sqlite.prepare(`insert into monitor_search (monitor_search, rank) values ('merge', -${TIDY_PAGES})`).run();
    // The command counts as one change itself; merging writes pages of the index, each another.
    return (changes.get() as number) - (before as number) > 1;
  });
}

/** A condition on the report id: the reports whose words match every term. Undefined when there is nothing to search. */
export function matching(db: Db, reportId: Column, query: string): SQL | undefined {
  const terms = searchTerms(query);
  if (!terms.length) return undefined;
  if (db.$dialect === 'postgres') {
    const wanted = terms.map((term) => `${term}:*`).join(' & ');
    return sql`${reportId} in (select report_id from monitor_search where document @@ to_tsquery('simple', ${wanted}))`;
  }
  const wanted = `{title body}: (${terms.map((term) => `"${term}"*`).join(' ')})`;
  return sql`${reportId} in (select -rowid from monitor_search where monitor_search match ${wanted})`;
}
