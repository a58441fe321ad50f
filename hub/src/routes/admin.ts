import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { DELIVERY_STATES } from '../../../contract/deliveries';
import { pollInputSchema, pollQuerySchema } from '../../../contract/requests';
import {
  deliveryListSchema,
  operatorReportSchema,
  overdueListSchema,
  pollListSchema,
  pollViewSchema,
  retriedSchema,
} from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import {
  listDeliveries,
  markDuplicateAsOperator,
  operatorView,
  overdueReports,
  retryDelivery,
} from '../operator/operator';
import { closePoll, createPoll, editPoll, listPolls } from '../polls/polls';
import { visitorsView } from '../polls/view';
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

const markDuplicateRoute = createRoute({
  ...operatorRoute,
  method: 'post',
  path: '/reports/{trackingId}/duplicate-of',
  operationId: 'markDuplicate',
  summary: 'Link a report to the earlier one it repeats',
  description:
    "Its tracker then points to the original, and the report's followers follow the original. The same original again changes nothing.",
  request: {
    params: z.object({ trackingId: z.string().meta({ description: 'The report that repeats another.' }) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({ original: z.string().max(64).meta({ description: "The original's Tracking ID." }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: answer(
      'Linked (to the original at the root, when the one named repeats another).',
      z.object({ original: z.string(), changed: z.boolean() }),
    ),
    ...failures({
      400: 'The report itself, or one that repeats it (`validation_failed`).',
      401: 'No or a wrong operator token (`invalid_token`).',
      404: 'No such report, or the operator API is off.',
    }),
  },
});

const pollIdParams = z.object({ id: z.string().max(64).meta({ description: 'The poll’s id.' }) });

const listPollsAsOperator = createRoute({
  ...operatorRoute,
  method: 'get',
  path: '/polls',
  operationId: 'listPollsAsOperator',
  summary: 'Polls, of every institution or one; counts only of closed ones, as for anyone',
  request: { query: pollQuerySchema },
  responses: { 200: answer('Up to 100 polls.', pollListSchema), ...operatorFailures },
});

const createPollRoute = createRoute({
  ...operatorRoute,
  method: 'post',
  path: '/polls',
  operationId: 'createPoll',
  summary: 'Create a poll',
  request: { body: { required: true, content: { 'application/json': { schema: pollInputSchema } } } },
  responses: {
    201: answer('Created.', pollViewSchema),
    ...failures({ 400: 'Invalid fields, or an institution not in the directory.' }),
    ...operatorFailures,
  },
});

const editPollRoute = createRoute({
  ...operatorRoute,
  method: 'put',
  path: '/polls/{id}',
  operationId: 'editPoll',
  summary: 'Change a poll before it opens',
  request: {
    params: pollIdParams,
    body: { required: true, content: { 'application/json': { schema: pollInputSchema } } },
  },
  responses: {
    200: answer('Changed.', pollViewSchema),
    ...failures({ 400: 'Invalid fields.', 409: 'The poll has opened (`poll_already_open`).' }),
    ...operatorFailures,
  },
});

const closePollRoute = createRoute({
  ...operatorRoute,
  method: 'post',
  path: '/polls/{id}/close',
  operationId: 'closePoll',
  summary: 'Close a poll now; its votes are counted and shown',
  request: { params: pollIdParams },
  responses: { 200: answer('Closed, with its results.', pollViewSchema), ...operatorFailures },
});

/** The operator's API: overdue reports, failing deliveries, a report in full, sending a delivery again, and polls. */
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
    )
    .openapi(markDuplicateRoute, async (c) =>
      c.json(
        await markDuplicateAsOperator(
          db,
          deps.keyring,
          c.req.valid('param').trackingId,
          c.req.valid('json').original,
          clock(),
        ),
        200,
      ),
    )
    .openapi(listPollsAsOperator, async (c) => {
      const now = clock();
      const polls = await listPolls(db, c.req.valid('query'), now);
      return c.json({ items: await Promise.all(polls.map((poll) => visitorsView(deps, poll, undefined, now))) }, 200);
    })
    .openapi(createPollRoute, async (c) => {
      const now = clock();
      const poll = await createPoll(db, deps, c.req.valid('json'), now);
      return c.json(await visitorsView(deps, poll, undefined, now), 201);
    })
    .openapi(editPollRoute, async (c) => {
      const now = clock();
      const poll = await editPoll(db, deps, c.req.valid('param').id, c.req.valid('json'), now);
      return c.json(await visitorsView(deps, poll, undefined, now), 200);
    })
    .openapi(closePollRoute, async (c) => {
      const now = clock();
      const poll = await closePoll(db, c.req.valid('param').id, now);
      return c.json(await visitorsView(deps, poll, undefined, now), 200);
    });
}
