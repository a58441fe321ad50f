import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Everything the database holds, as text: what someone with a copy of the
 * disk (SQLite's file, WAL included) or a dump of every table (PostgreSQL)
 * would read.
 */
export async function storedText(db: Db, dir: string): Promise<string> {
  if (db.$sqlite) {
    db.$sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return readFileSync(join(dir, 'hub.sqlite')).toString('latin1');
  }
  const { rows } = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = current_schema()`,
  );
  const dumps = await Promise.all(
    rows.map(({ table_name }) =>
      db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`),
    ),
  );
  return dumps.flatMap((dump) => dump.rows.map((row) => String(row.row))).join('\n');
}

/** Makes every insert into `table` fail, as a full disk would. */
export async function refuseInserts(db: Db, table: string): Promise<void> {
  if (db.$sqlite) {
    db.$sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    return;
  }
  await db.execute(
    sql.raw(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse();`),
  );
}
