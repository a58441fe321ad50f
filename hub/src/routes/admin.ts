import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { listDeliveries, operatorView, overdueReports, retryDelivery } from '../operator/operator';
import { parseQuery } from './query';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time; without a configured token the API is off. */
function operatorOnly(token: string | undefined) {
  return createMiddleware(async function operatorOnly(c, next) {
    if (!token) throw new DomainError('not_found', 'The operator API is off: set ADMIN_TOKEN to turn it on');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw new DomainError('invalid_token', 'The operator token is missing or wrong');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });
}

/** The operator's API: overdue reports, failing deliveries, a report in full, and sending a delivery again. */
export function adminRoutes(deps: ResolvedDeps) {
  const { db, adminToken, clock } = deps;
  return new Hono()
    .use(operatorOnly(adminToken))
    .get('/overdue', async (c) => c.json({ items: await overdueReports(deps, clock()) }))
    .get('/deliveries', async (c) => {
      const { state } = parseQuery(
        c,
        z.object({ state: z.enum(['pending', 'delivered', 'needs_attention']).optional() }),
      );
      return c.json({ items: await listDeliveries(db, state) });
    })
    .post('/deliveries/:id/retry', async (c) => {
      await retryDelivery(db, Number(c.req.param('id')));
      return c.json({ retried: true });
    })
    .get('/reports/:trackingId', async (c) => c.json(await operatorView(deps, c.req.param('trackingId'), clock())));
}
