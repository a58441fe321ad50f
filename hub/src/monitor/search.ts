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
}

/**
 * Indexes published reports' masked titles and texts (never a report that
 * is not published), and counts their stems, in the transaction `tx`
 * opened on `db`. On SQLite the statement goes straight to the connection,
 * which belongs to that transaction while its body runs.
 */
export async function indexForSearch(db: Db, tx: Tx, reports: Indexed[]): Promise<void> {
  if (!reports.length) return;
  const held = new Map<string, number>([['', reports.length]]);
  for (const { reportId, title, body } of reports) {
    const [titleWords, bodyWords] = [wordsOf(title), wordsOf(body)];
    for (const word of new Set([...titleWords, ...bodyWords])) held.set(word, (held.get(word) ?? 0) + 1);
    const [titleText, bodyText] = [titleWords.join(' '), bodyWords.join(' ')];
    if (db.$sqlite) {
      let insert = inserts.get(db.$sqlite);
      if (!insert) {
        insert = db.$sqlite.prepare('insert or replace into monitor_search (rowid, title, body) values (?, ?, ?)');
        inserts.set(db.$sqlite, insert);
      }
      insert.run(reportId, titleText, bodyText);
    } else {
      await tx.execute(sql`insert into monitor_search (report_id, document)
        values (${reportId}, to_tsvector('simple', ${titleText} || ' ' || ${bodyText}))
        on conflict (report_id) do update set document = excluded.document`);
    }
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

const inserts = new WeakMap<Database.Database, Database.Statement>();

/** A condition on the report id: the reports whose words match every term. Undefined when there is nothing to search. */
export function matching(db: Db, reportId: Column, query: string): SQL | undefined {
  const terms = searchTerms(query);
  if (!terms.length) return undefined;
  if (db.$dialect === 'postgres') {
    const wanted = terms.map((term) => `${term}:*`).join(' & ');
    return sql`${reportId} in (select report_id from monitor_search where document @@ to_tsquery('simple', ${wanted}))`;
  }
  const wanted = terms.map((term) => `"${term}"*`).join(' ');
  return sql`${reportId} in (select rowid from monitor_search where monitor_search match ${wanted})`;
}
