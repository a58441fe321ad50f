import type { Tables } from './schema';

/** What a drizzle handle's `transaction` gives its body, and the options it takes. */
type TxOf<H> = H extends { transaction(body: (tx: infer X) => Promise<unknown>, config?: infer _C): unknown }
  ? X
  : never;
type ConfigOf<H> = H extends { transaction(body: never, config?: infer C): unknown } ? C : never;

/** A drizzle handle (the database or a transaction) that carries its tables, as do the transactions opened on it. */
export type WithTables<H> = Omit<H, 'transaction'> & {
  readonly $tables: Tables;
  transaction<T>(body: (tx: WithTables<TxOf<H>>) => Promise<T>, config?: ConfigOf<H>): Promise<T>;
};

interface Transactional {
  transaction(body: (tx: Transactional) => Promise<unknown>, config?: unknown): Promise<unknown>;
}

/**
 * Gives a drizzle handle its tables, and every transaction opened on it
 * (nested ones, savepoints, included) the same tables.
 */
export function carryTables<H extends object>(handle: H, tables: Tables): WithTables<H> {
  // A handle reused for every transaction (SQLite's, sqlite.ts) is given its tables once.
  if ((handle as { $tables?: Tables }).$tables === tables) return handle as WithTables<H>;
  const inner = handle as H & Transactional;
  const transaction = inner.transaction.bind(inner);
  return Object.assign(inner, {
    $tables: tables,
    transaction: (body: (tx: Transactional) => Promise<unknown>, config?: unknown) =>
      transaction((tx) => body(carryTables(tx, tables) as Transactional), config),
  }) as WithTables<H>;
}
