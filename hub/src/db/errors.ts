import { SqliteError } from 'better-sqlite3';

/** The driver's own error, under drizzle's wrapping of failed queries. */
function driverError(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause && !(current instanceof SqliteError)) current = current.cause;
  return current;
}

/**
 * Whether `error` is a unique constraint on `table.column` (or on several
 * columns together, in their index's order) refusing a duplicate, on SQLite
 * or PostgreSQL.
 */
export function isUniqueViolation(error: unknown, table: string, column: string | readonly string[]): boolean {
  const columns = typeof column === 'string' ? [column] : column;
  const cause = driverError(error);
  if (cause instanceof SqliteError) {
    return (
      // A primary key refuses a duplicate as a unique index does (PostgreSQL gives both one code).
      (cause.code === 'SQLITE_CONSTRAINT_UNIQUE' || cause.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
      cause.message.endsWith(`: ${columns.map((name) => `${table}.${name}`).join(', ')}`)
    );
  }
  const pg = cause as { code?: unknown; table?: unknown; detail?: unknown };
  return (
    pg.code === '23505' &&
    pg.table === table &&
    typeof pg.detail === 'string' &&
    pg.detail.startsWith(`Key (${columns.join(', ')})=`)
  );
}
