import type Database from 'better-sqlite3';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MIGRATIONS } from '../paths';
import type { WithTables } from './carry-tables';
import { openPostgres } from './postgres';
import type { Dialect } from './schema';
import type * as schema from './schema.pg';
import { openSqlite } from './sqlite';

type Drizzle = NodePgDatabase<typeof schema>;

/** A transaction opened with `db.transaction()` (or nested in one, as a savepoint), with the database's tables. */
export type Tx = WithTables<Parameters<Parameters<Drizzle['transaction']>[0]>[0]>;

/**
 * The hub's database: drizzle over PostgreSQL or SQLite, typed as
 * PostgreSQL's (see schema.ts), carrying the tables of its dialect
 * (`$tables`), with what differs between the two.
 */
export type Db = WithTables<Drizzle> & {
  readonly $dialect: Dialect;
  /** The SQLite connection, for what only SQLite has (checkpoints, pragmas); absent on PostgreSQL. */
  readonly $sqlite: Database.Database | undefined;
  $close(): Promise<void>;
};

/** Whether the hub's database setting names a PostgreSQL server rather than a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * Opens the database at `location`, `postgres://…` or a SQLite file (the
 * zero-setup default), and applies its pending migrations.
 */
export async function openDatabase(location: string): Promise<Db> {
  return isPostgresUrl(location) ? openPostgres(location, MIGRATIONS) : openSqlite(location, MIGRATIONS);
}
