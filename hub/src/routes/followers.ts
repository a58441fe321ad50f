import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { followRequestSchema } from '../../../contract/requests';
import type { ResolvedDeps } from '../app';
import { askToFollow } from '../followers/followers';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import { trackingIdParams } from './receipt';
import type { ReportLimits } from './report-limits';

const followRoute = createRoute({
  method: 'post',
  path: '/{trackingId}/followers',
  operationId: 'followReport',
  summary: 'Follow a published report by email instead of filing it again',
  description:
    'Emails a confirmation link; once it is followed, the address gets an email when the report changes, each with a one-click stop. The same answer whether the address already follows the report or not. Only a report published (forwarded, not confidential) and still being handled.',
  request: {
    params: trackingIdParams,
    body: { content: { 'application/json': { schema: followRequestSchema } }, required: true },
  },
  responses: {
    202: answer('The confirmation link was sent.', z.object({ status: z.literal('confirmation_sent') })),
    ...failures({
      400: 'Not an email address, or not a Tracking ID (`validation_failed`, `invalid_tracking_id`).',
      404: 'No published report still being handled has this Tracking ID.',
      503: 'The confirmation email could not be sent (`email_unavailable`); nothing was kept.',
      ...PUBLIC_FAILURES,
    }),
  },
});

/** Following a report, limited like filing one: each request may send an email. */
export function followerRoutes(deps: ResolvedDeps, limits: ReportLimits) {
  return routes().openapi({ ...followRoute, middleware: [limits.reportsPerAddress] }, async (c) => {
    const base = deps.publicUrl ?? new URL(c.req.url).origin;
    await askToFollow(
      deps,
      { confirm: (token) => `${base}/api/v1/notifications/follow?token=${token}` },
      { trackingId: c.req.valid('param').trackingId, ...c.req.valid('json') },
      deps.clock(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'confirmation_sent' as const }, 202);
  });
}
