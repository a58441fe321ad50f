import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { DELIVERY_STATES } from '../../../contract/deliveries';
import {
  deliveryListSchema,
  operatorReportSchema,
  overdueListSchema,
  retriedSchema,
} from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { listDeliveries, operatorView, overdueReports, retryDelivery } from '../operator/operator';
import { answer, failures, routes } from './declare';

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

/** An operator's operation: the bearer token, and its own failures. */
const operatorRoute = { tags: ['operator'], security: [{ operator: [] as string[] }] };
const operatorFailures = failures({
  401: 'No or a wrong operator token (`invalid_token`).',
  404: 'Not found, or the operator API is off (no ADMIN_TOKEN).',
});

const listOverdue = createRoute({
  ...operatorRoute,
  method: 'get',
  path: '/overdue',
  operationId: 'listOverdue',
  summary: 'Open reports with a deadline past, the longest overdue first',
  responses: { 200: answer('The overdue reports.', overdueListSchema), ...operatorFailures },
});

const listDeliveriesRoute = createRoute({
  ...operatorRoute,
  method: 'get',
  path: '/deliveries',
  operationId: 'listDeliveries',
  summary: 'The outbox, newest first',
  request: {
    query: z.object({
      state: z.enum(DELIVERY_STATES).optional().meta({ description: 'Only deliveries in this state.' }),
    }),
  },
  responses: { 200: answer('Up to 500 deliveries.', deliveryListSchema), ...operatorFailures },
});

const retryDeliveryRoute = createRoute({
  ...operatorRoute,
  method: 'post',
  path: '/deliveries/{id}/retry',
  operationId: 'retryDelivery',
  summary: 'Send a delivery again from the start',
  request: { params: z.object({ id: z.coerce.number().int().min(1).meta({ description: 'The delivery id.' }) }) },
  responses: { 200: answer('Queued again.', retriedSchema), ...operatorFailures },
});

const getReportAsOperator = createRoute({
  ...operatorRoute,
  method: 'get',
  path: '/reports/{trackingId}',
  operationId: 'getReportAsOperator',
  summary: "A report in full, an anonymous reporter's contact included, with its deliveries",
  request: { params: z.object({ trackingId: z.string().meta({ description: 'The Tracking ID.' }) }) },
  responses: { 200: answer('The report.', operatorReportSchema), ...operatorFailures },
});

/** The operator's API: overdue reports, failing deliveries, a report in full, and sending a delivery again. */
export function adminRoutes(deps: ResolvedDeps) {
  const { db, adminToken, clock } = deps;
  const app = routes();
  app.use(operatorOnly(adminToken));
  return app
    .openapi(listOverdue, async (c) => c.json({ items: await overdueReports(deps, clock()) }, 200))
    .openapi(listDeliveriesRoute, async (c) =>
      c.json({ items: await listDeliveries(db, { state: c.req.valid('query').state }) }, 200),
    )
    .openapi(retryDeliveryRoute, async (c) => {
      await retryDelivery(db, c.req.valid('param').id, clock());
      return c.json({ retried: true as const }, 200);
    })
    .openapi(getReportAsOperator, async (c) =>
      c.json(await operatorView(deps, c.req.valid('param').trackingId, clock()), 200),
    );
}
