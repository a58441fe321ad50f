import { join } from 'node:path';
import { carryTables } from './carry-tables';
import type { Db } from './client';
import { tablesOf } from './schema';
import * as schema from './schema.pg';

/** An arbitrary constant: the advisory lock that lets one starting hub migrate while the others wait. */
const MIGRATION_LOCK = 4_711_000_001;

/**
 * Connects to PostgreSQL and brings its schema up to date. Several hub
 * processes share the database; the first to start applies the migrations
 * under an advisory lock, and the others find them applied.
 */
export async function openPostgres(url: string, migrations: string, poolSize = 10): Promise<Db> {
  // Loaded only here: a hub on SQLite never holds PostgreSQL's driver in its memory.
  const [{ drizzle }, { migrate }, { default: pg }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
    import('pg'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server dropped must not crash the hub; the pool opens another.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder: join(migrations, 'postgres') });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  const db = carryTables(drizzle({ client: pool, schema, casing: 'snake_case' }), tablesOf('postgres'));
  let closed: Promise<void> | undefined;
  return Object.assign(db, {
    $dialect: 'postgres' as const,
    $sqlite: undefined,
    $close: () => {
      closed ??= pool.end();
      return closed;
    },
  });
}
