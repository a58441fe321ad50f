import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Counters of requests per key in the database, so every hub process behind
 * a load balancer counts against the same limit. One upsert per counted
 * request: the count starts again at 1 once its window has passed.
 */
export async function countHit(
  db: Db,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ hits: number; resetAt: Date }> {
  const { rateLimitHits } = db.$tables;
  const resetAt = new Date(now.getTime() + windowMs);
  const at = (date: Date) => sql.param(date, rateLimitHits.resetAt);
  const expired = sql`${rateLimitHits.resetAt} <= ${at(now)}`;
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimitHits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitHits.hits} + 1 end`,
        resetAt: sql`case when ${expired} then ${at(resetAt)} else ${rateLimitHits.resetAt} end`,
      },
    })
    .returning({ hits: rateLimitHits.hits, resetAt: rateLimitHits.resetAt });
  return row ?? { hits: 1, resetAt };
}

/** Takes back one hit, for a request that turned out not to count. */
export async function uncountHit(db: Db, key: string): Promise<void> {
  const { rateLimitHits } = db.$tables;
  await db
    .update(rateLimitHits)
    .set({ hits: sql`${rateLimitHits.hits} - 1` })
    .where(and(eq(rateLimitHits.key, key), gt(rateLimitHits.hits, 0)));
}

export async function forgetHits(db: Db, key: string): Promise<void> {
  const { rateLimitHits } = db.$tables;
  await db.delete(rateLimitHits).where(eq(rateLimitHits.key, key));
}

/** Clears the counters whose window has passed. */
export async function pruneHits(db: Db, now: Date): Promise<void> {
  const { rateLimitHits } = db.$tables;
  await db.delete(rateLimitHits).where(lt(rateLimitHits.resetAt, now));
}
