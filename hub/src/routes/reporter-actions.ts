import { createRoute } from '@hono/zod-openapi';
import type * as z from 'zod';
import { commentSchema, ratingSchema, reopenSchema } from '../../../contract/requests';
import { reportViewSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { actAsReporter } from '../reports/actions';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import { trackingIdParams, viewerOf } from './receipt';
import type { ReportLimits } from './report-limits';

/** A reporter's action: needs the receipt, is passed on to where the report went, answers the reporter's view. */
const reporterAction = <T extends z.ZodType>(
  action: string,
  operationId: string,
  summary: string,
  schema: T,
  refused: string,
) =>
  createRoute({
    method: 'post',
    path: `/{trackingId}/${action}`,
    operationId,
    summary,
    security: [{ receipt: [] }],
    request: {
      params: trackingIdParams,
      body: { required: true, content: { 'application/json': { schema } } },
    },
    responses: {
      201: answer("Recorded and passed on; the reporter's view.", reportViewSchema),
      ...failures({
        400: 'Invalid fields.',
        401: 'No or a wrong receipt (`invalid_receipt`).',
        404: 'No report has this Tracking ID.',
        409: refused,
        415: 'Not JSON (`unsupported_media_type`).',
        ...PUBLIC_FAILURES,
      }),
    },
  });

const addComment = reporterAction(
  'comments',
  'addComment',
  'Add a comment or more information',
  commentSchema,
  'Refused for an archived report.',
);
const reopenReport = reporterAction(
  'reopen',
  'reopenReport',
  'Reopen a report whose follow-up did not satisfy the reporter',
  reopenSchema,
  'Only while a follow-up stands or within 10 working days of closure (`reopen_window_closed`, `invalid_transition`).',
);
const rateFollowUp = reporterAction(
  'rating',
  'rateFollowUp',
  'Rate the follow-up, once',
  ratingSchema,
  'While a follow-up stands, not while a reopened report waits for the next (`not_yet_followed_up`), and once (`already_rated`).',
);

/** What a reporter holding the receipt may do: comment, reopen, rate. */
export function reporterActionRoutes(deps: ResolvedDeps, { lookupsPerAddress }: ReportLimits) {
  const { db, clock } = deps;
  return routes()
    .openapi({ ...addComment, middleware: [lookupsPerAddress] }, async (c) => {
      const { text } = c.req.valid('json');
      const access = await viewerOf(c, db, c.req.valid('param').trackingId);
      return c.json(await actAsReporter(deps, access, { kind: 'comment', text }, clock()), 201);
    })
    .openapi({ ...reopenReport, middleware: [lookupsPerAddress] }, async (c) => {
      const { reason } = c.req.valid('json');
      const access = await viewerOf(c, db, c.req.valid('param').trackingId);
      return c.json(await actAsReporter(deps, access, { kind: 'reopen', reason }, clock()), 201);
    })
    .openapi({ ...rateFollowUp, middleware: [lookupsPerAddress] }, async (c) => {
      const { score, remark } = c.req.valid('json');
      const access = await viewerOf(c, db, c.req.valid('param').trackingId);
      const action = { kind: 'rating' as const, score, ...(remark && { remark }) };
      return c.json(await actAsReporter(deps, access, action, clock()), 201);
    });
}
