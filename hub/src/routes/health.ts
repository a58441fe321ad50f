import { Hono } from 'hono';
import type { ResolvedDeps } from '../app';
import { categories } from '../db/schema';

/**
 * For a load balancer or a monitor: 200 while this process answers and
 * reaches its database, 503 when the database cannot be reached (another
 * process may still serve).
 */
export function healthRoutes({ db }: ResolvedDeps) {
  return new Hono().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await db.select({ id: categories.id }).from(categories).limit(1);
      return c.json({ status: 'ok' as const, database: db.$dialect });
    } catch {
      return c.json({ status: 'unavailable' as const, database: db.$dialect }, 503);
    }
  });
}
