import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Store } from 'hono-rate-limiter';
import type { Db } from '../db/client';
import { rateLimitHits } from '../db/schema';

/** About one increment in this many also clears counters whose window has passed. */
const PRUNE_EVERY = 1000;

/**
 * Rate-limit counters in the database, so every hub process behind a load
 * balancer counts against the same limit. One upsert per counted request:
 * the count starts again at 1 once its window has passed.
 */
export function sharedCounts(db: Db, namespace: string): Store {
  let windowMs = 60_000;
  const at = (date: Date) => sql.param(date, rateLimitHits.resetAt);
  return {
    localKeys: false,
    prefix: `${namespace}:`,
    init(options) {
      windowMs = options.windowMs;
    },
    async increment(key) {
      const now = new Date();
      const resetAt = new Date(now.getTime() + windowMs);
      const expired = sql`${rateLimitHits.resetAt} <= ${at(now)}`;
      const [row] = await db
        .insert(rateLimitHits)
        .values({ key: `${namespace}:${key}`, hits: 1, resetAt })
        .onConflictDoUpdate({
          target: rateLimitHits.key,
          set: {
            hits: sql`case when ${expired} then 1 else ${rateLimitHits.hits} + 1 end`,
            resetAt: sql`case when ${expired} then ${at(resetAt)} else ${rateLimitHits.resetAt} end`,
          },
        })
        .returning({ hits: rateLimitHits.hits, resetAt: rateLimitHits.resetAt });
      if (Math.random() < 1 / PRUNE_EVERY) await db.delete(rateLimitHits).where(lt(rateLimitHits.resetAt, now));
      return { totalHits: row?.hits ?? 1, resetTime: row?.resetAt ?? resetAt };
    },
    async decrement(key) {
      await db
        .update(rateLimitHits)
        .set({ hits: sql`${rateLimitHits.hits} - 1` })
        .where(and(eq(rateLimitHits.key, `${namespace}:${key}`), gt(rateLimitHits.hits, 0)));
    },
    async resetKey(key) {
      await db.delete(rateLimitHits).where(eq(rateLimitHits.key, `${namespace}:${key}`));
    },
  };
}
