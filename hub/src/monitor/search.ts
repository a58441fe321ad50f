import type Database from 'better-sqlite3';
import { type Column, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';

/**
 * Search in the public list: every word given must begin a word of the
 * report's masked title or text. SQLite answers from an FTS5 index, and
 * PostgreSQL from a tsvector with a GIN index (both made by the migrations,
 * outside drizzle's tables, which know neither); both match the start of a
 * word, case aside.
 */

/** At most this many words are searched for; the rest of a pasted paragraph would only narrow to nothing. */
const MAX_TERMS = 8;

/** The words of a search, lower-cased, letters and digits only (so nothing in them is query syntax). */
export function searchTerms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS).map((term) => term.slice(0, 40));
}

/**
 * Indexes a newly published report's masked title and text (never one that
 * is not published), in the transaction `tx` opened on `db`. On SQLite the
 * statement goes straight to the connection, which belongs to that
 * transaction while its body runs.
 */
export async function indexForSearch(db: Db, tx: Tx, reportId: number, title: string, body: string): Promise<void> {
  if (db.$sqlite) {
    let insert = inserts.get(db.$sqlite);
    if (!insert) {
      insert = db.$sqlite.prepare('insert or replace into monitor_search (rowid, title, body) values (?, ?, ?)');
      inserts.set(db.$sqlite, insert);
    }
    insert.run(reportId, title, body);
  } else {
    await tx.execute(sql`insert into monitor_search (report_id, document)
      values (${reportId}, to_tsvector('simple', ${title} || ' ' || ${body}))
      on conflict (report_id) do update set document = excluded.document`);
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
