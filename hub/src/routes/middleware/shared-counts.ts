import type { Store } from 'hono-rate-limiter';
import { countHit, forgetHits, pruneHits, uncountHit } from '../../abuse/hit-counts';
import type { Db } from '../../db/client';

/** About one increment in this many also clears counters whose window has passed. */
const PRUNE_EVERY = 1000;

/** The rate limiter's counts kept in the database (abuse/hit-counts.ts), shared by every hub process. */
export function sharedCounts(db: Db, namespace: string): Store {
  let windowMs = 60_000;
  const named = (key: string) => `${namespace}:${key}`;
  return {
    localKeys: false,
    prefix: `${namespace}:`,
    init(options) {
      windowMs = options.windowMs;
    },
    async increment(key) {
      const now = new Date();
      const { hits, resetAt } = await countHit(db, named(key), windowMs, now);
      if (Math.random() < 1 / PRUNE_EVERY) await pruneHits(db, now);
      return { totalHits: hits, resetTime: resetAt };
    },
    decrement: (key) => uncountHit(db, named(key)),
    resetKey: (key) => forgetHits(db, named(key)),
  };
}
