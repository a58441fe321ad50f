import type { Db } from './client';

/**
 * A statement built once per database and reused. Drizzle composes the SQL
 * of a query built in place on every call; on the hub's hot paths (filing a
 * report, looking one up) that composing took more time than SQLite itself.
 * Prepared statements run on the database's one connection, so they may run
 * inside a transaction opened on it.
 */
export function prepared<T>(build: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
