import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  /** What `openDatabase()` and DATABASE_URL take. */
  location: string;
  /** The same as the hub's DATABASE_URL setting. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Where one test keeps its data: a SQLite file in `dir`, or, when
 * HUB_TEST_POSTGRES names a PostgreSQL server (scripts/with-postgres.sh sets
 * it), a database of its own there, dropped afterwards. The hub's whole
 * suite runs both ways.
 */
export async function testDatabase(dir: string, dialect?: 'sqlite'): Promise<TestDatabase> {
  const server = dialect === 'sqlite' ? undefined : process.env.HUB_TEST_POSTGRES;
  if (!server) {
    const file = join(dir, 'hub.sqlite');
    return { location: file, url: `file:${file}`, drop: async () => {} };
  }
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    url: url.toString(),
    drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
