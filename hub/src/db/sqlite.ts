import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle as syncDrizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import { carryTables } from './carry-tables';
import type { Db } from './client';
import { tablesOf } from './schema';
import * as schema from './schema.sqlite';
import { SerialTransactions } from './serial-transactions';

/**
 * The database holds reports: only the hub's own user may read it. SQLite
 * gives its -wal and -shm files the main file's mode, so the file is
 * created (or corrected) as 0600 before SQLite opens it, in a folder
 * created as 0700.
 */
function keepPrivate(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * Opens (creating if needed) the hub's SQLite file and brings its schema up to
 * date. WAL lets lookups run while a report is written; `synchronous=NORMAL`
 * in WAL mode still never corrupts the file, and a committed report survives
 * a crash of the process (only a power loss can take the last commits).
 *
 * The hub's queries are asynchronous so that they run on PostgreSQL too; here
 * drizzle's proxy driver hands each to better-sqlite3, which runs it at once
 * on a statement prepared once per distinct SQL text.
 */
export function openSqlite(file: string, migrations: string): Db {
  if (file !== ':memory:') keepPrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted personal data is overwritten, not left in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  migrate(syncDrizzle({ client: sqlite, casing: 'snake_case' }), { migrationsFolder: join(migrations, 'sqlite') });

  const statements = new Map<string, Database.Statement>();
  const transactions = new SerialTransactions();
  const execute = (query: string, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => {
    let statement = statements.get(query);
    if (!statement) {
      statement = sqlite.prepare(query);
      statements.set(query, statement);
    }
    if (method === 'run' || !statement.reader) {
      const { changes } = statement.run(...params);
      return { rows: [], changes };
    }
    // `.all()` even for one row: `.get()` leaves the statement open, and the WAL file then never shrinks.
    const rows = statement.raw(true).all(...params) as unknown[][];
    // drizzle takes `get`'s one row (or undefined) in place of the list.
    return { rows: (method === 'get' ? rows[0] : rows) as unknown[] };
  };
  const handleFor = (wait: boolean) =>
    drizzle(
      async (query, params, method) => {
        if (wait && !transactions.mayRun()) await transactions.turn();
        return execute(query, params, method);
      },
      async (queries) => {
        if (wait && !transactions.mayRun()) await transactions.turn();
        return queries.map(({ sql, params, method }) => execute(sql, params, method));
      },
      { schema, casing: 'snake_case' },
    );
  // Statements through the database wait while a transaction is open; those through its own handle run in it.
  const proxy = handleFor(true);
  const inside = carryTables(Object.assign(handleFor(false), { transaction: savepoint }), tablesOf('sqlite'));
  const exec = (statement: string) => execute(statement, [], 'run');
  /** Runs `body` between `open` and `done`; if it throws, `undo`, unless SQLite has ended the transaction itself. */
  async function bracketed<T>(open: string, done: string, undo: string[], body: (tx: typeof inside) => Promise<T>) {
    exec(open);
    try {
      const result = await body(inside);
      exec(done);
      return result;
    } catch (error) {
      if (sqlite.inTransaction) for (const statement of undo) exec(statement);
      throw error;
    }
  }
  let depth = 0;
  /** A transaction nested in the open one: a savepoint, rolled back alone if its body throws. */
  async function savepoint<T>(body: (tx: typeof inside) => Promise<T>): Promise<T> {
    const name = `sp${++depth}`;
    try {
      return await bracketed(`savepoint ${name}`, `release ${name}`, [`rollback to ${name}`, `release ${name}`], body);
    } finally {
      depth--;
    }
  }
  const handle = Object.assign(proxy, {
    // Writes take the file's lock at the start, so two hub processes on one file wait rather than fail.
    transaction: <T>(body: (tx: typeof inside) => Promise<T>) =>
      transactions.run(() => bracketed('begin immediate', 'commit', ['rollback'], body)),
    $dialect: 'sqlite' as const,
    $sqlite: sqlite,
    $close: async () => {
      await transactions.run(async () => sqlite.close());
    },
  });
  // Presented under PostgreSQL's query types, like its tables (schema.ts).
  return carryTables(handle, tablesOf('sqlite')) as unknown as Db;
}
