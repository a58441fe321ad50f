import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Column, getTableName, is, Table } from 'drizzle-orm';
import { type PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { type SQLiteTable, getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

/** What two dialects must agree on about a table, leaving out each one's own column types. */
function shape(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>) {
  const column = (c: Column) => ({
    name: c.name,
    notNull: c.notNull,
    primary: c.primary,
    unique: c.isUnique,
    hasDefault: c.hasDefault,
    default: c.default,
    enumValues: c.enumValues ?? null,
  });
  return {
    name: config.name,
    columns: config.columns.map(column).sort((a, b) => a.name.localeCompare(b.name)),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        columns: index.config.columns.map((c) => (c as Column).name),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const { columns, foreignTable, foreignColumns } = fk.reference();
        return {
          columns: columns.map((c) => c.name),
          references: `${getTableName(foreignTable)}(${foreignColumns.map((c) => c.name).join(', ')})`,
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

const tables = (schema: Record<string, unknown>) =>
  Object.entries(schema).filter((entry): entry is [string, Table] => is(entry[1], Table));

describe('the PostgreSQL and SQLite schemas', () => {
  it('have the same tables', () => {
    assert.deepEqual(
      tables(pg)
        .map(([key]) => key)
        .sort(),
      tables(sqlite)
        .map(([key]) => key)
        .sort(),
    );
  });

  for (const [key, table] of tables(pg)) {
    it(`agree on ${getTableName(table)}: columns, keys, defaults, constraints and indexes`, () => {
      const twin = (sqlite as Record<string, unknown>)[key];
      assert.ok(is(twin, Table), `schema.sqlite.ts has no ${key}`);
      assert.deepEqual(shape(pgConfig(table as PgTable)), shape(sqliteConfig(twin as SQLiteTable)));
    });
  }
});

/** Fails to compile when the two dialects' rows differ in a column's TypeScript type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Rows<S> = { [K in keyof S]: S[K] extends Table ? [S[K]['$inferSelect'], S[K]['$inferInsert']] : never };
export const rowsAgree: Same<Rows<typeof pg>, Rows<typeof sqlite>> = true;
