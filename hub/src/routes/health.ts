import { createRoute } from '@hono/zod-openapi';
import { healthSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { databaseAnswers } from '../db/health';
import { answer, routes } from './declare';

const getHealth = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getHealth',
  summary: 'Whether this hub process answers and reaches its database (for a load balancer)',
  responses: {
    200: answer('Serving.', healthSchema),
    503: answer('The database cannot be reached from this process.', healthSchema),
  },
});

/**
 * For a load balancer or a monitor: 200 while this process answers and
 * reaches its database, 503 when the database cannot be reached (another
 * process may still serve).
 */
export function healthRoutes({ db }: ResolvedDeps) {
  return routes().openapi(getHealth, async (c) => {
    c.header('Cache-Control', 'no-store');
    if (await databaseAnswers(db)) return c.json({ status: 'ok' as const, database: db.$dialect }, 200);
    return c.json({ status: 'unavailable' as const, database: db.$dialect }, 503);
  });
}
