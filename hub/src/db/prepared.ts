import { type Column, getTableName, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Db, Tx } from './client';

/**
 * A statement built once and reused. Drizzle composes the SQL of a query
 * built in place on every call; on the hub's hot paths (filing a report,
 * looking one up) that composing took more time than SQLite itself.
 *
 * Statements are kept per session: SQLite's transactions run on the
 * database's one connection and share its statements, while a PostgreSQL
 * transaction holds a connection of its own and prepares there (PostgreSQL
 * keeps the plan per connection by `name`).
 */
export function prepared<Q extends { prepare(name: string): unknown }>(
  name: string,
  build: (db: Db | Tx) => Q,
): (db: Db | Tx) => ReturnType<Q['prepare']> {
  const statements = new WeakMap<object, ReturnType<Q['prepare']>>();
  return (db) => {
    // Both drivers keep their session here (PostgreSQL's typings show it as `_.session`, SQLite's do not).
    const session = (db as unknown as { session: object }).session;
    let statement = statements.get(session);
    if (!statement) {
      statement = build(db).prepare(name) as ReturnType<Q['prepare']>;
      statements.set(session, statement);
    }
    return statement;
  };
}

/**
 * Placeholders as the values of an update's `set`, for a prepared update.
 * Drizzle binds each through its column's encoding (a Date becomes what the
 * dialect stores), as it does for values; only its types take values alone.
 */
export function placeholdersFor<Row>(
  names: { [K in keyof Row]?: string } | readonly (keyof Row & string)[],
): Partial<Row> {
  // A list names each column's placeholder after the column itself.
  const pairs = Array.isArray(names) ? names.map((name) => [name, name]) : Object.entries(names);
  return Object.fromEntries(pairs.map(([column, name]) => [column, sql.placeholder(String(name))])) as Partial<Row>;
}

/** In an upsert's update: the stored value plus the one the insert brought (`excluded`, in both databases). */
export function added(column: Column): SQL {
  // The stored value qualified (PostgreSQL finds a bare name ambiguous between the table and `excluded`), and
  // `excluded`'s by the name in the database, which the tables give in camel case and the hub stores in snake case.
  const name = sql.identifier(toSnakeCase(column.name));
  return sql`${sql.identifier(getTableName(column.table))}.${name} + excluded.${name}`;
}
