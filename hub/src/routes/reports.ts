import { createRoute } from '@hono/zod-openapi';
import type { SchemaObject } from 'openapi3-ts/oas31';
import * as z from 'zod';
import { ATTACHMENT_MAX_COUNT, reportInputSchema } from '../../../contract';
import { reportCreatedSchema, reportViewSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { fileSubmission } from '../reports/file';
import { idempotencyKeyFrom } from '../reports/idempotency';
import { viewOf } from '../reports/public-views';
import { type Admitted, admission } from './admission';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import { publicOrReporter, trackingIdParams, viewerOf } from './receipt';
import type { ReportLimits } from './report-limits';
import { readSubmission, submissionGuard } from './submission';

const REPORT_INPUT = { $ref: '#/components/schemas/ReportInput' };

/**
 * The report as JSON Schema, from the contract's schema (zod mini, which the
 * widget validates with too). Its refinements have no JSON Schema form, so
 * the incident date says in words what it checks.
 */
function reportInputDocument(): SchemaObject {
  // Self-contained, with no $defs: OpenAPI 3.1 takes the rest as it is.
  const { $schema, $defs, ...schema } = z.toJSONSchema(reportInputSchema, { io: 'input', unrepresentable: 'any' });
  const properties = schema.properties ?? {};
  properties.incidentDate = {
    type: 'string',
    format: 'date',
    description: 'The day of the incident, from 1945-08-17 and not after today in WIT (UTC+9).',
  };
  // zod's JSON Schema type and openapi3-ts's differ only in how strictly they type `$ref`.
  return { ...schema, properties } as SchemaObject;
}

/**
 * Filing is declared like every route, but its body is read by the
 * streaming parser in submission.ts (attachments go to disk as they arrive),
 * which validates by the same reportInputSchema this document refers to.
 */
const fileReport = createRoute({
  method: 'post',
  path: '/',
  operationId: 'fileReport',
  summary: 'File a report',
  request: {
    headers: z.object({
      'idempotency-key': z.string().optional().meta({
        description:
          'Makes a retry safe: the same key and report answer the same 201 for 24 hours (16–255 characters).',
      }),
      'x-altcha': z.string().optional().meta({
        description:
          'The solved proof of work: base64 of JSON {algorithm, challenge, number, salt, signature} for a challenge from GET /api/v1/challenge. Each solution files one report.',
      }),
      'x-lapor-site': z.string().optional().meta({
        description: "A registered website's key; from a browser the page must be one of its origins.",
      }),
    }),
    body: {
      required: true,
      content: {
        'application/json': { schema: REPORT_INPUT },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['report'],
            properties: {
              report: { ...REPORT_INPUT, description: 'The report (ReportInput) as JSON.' },
              attachments: {
                type: 'array',
                maxItems: ATTACHMENT_MAX_COUNT,
                items: { type: 'string', contentMediaType: 'application/octet-stream' },
                description: 'Images, PDF, office documents or video, 2 MB each; metadata is stripped.',
              },
            },
          },
          encoding: { report: { contentType: 'application/json' } },
        },
      },
    },
  },
  responses: {
    201: answer('Filed. The receipt is shown this once.', reportCreatedSchema),
    ...failures({
      400: 'Invalid fields (`validation_failed`, with `fields`), body or site key.',
      403: 'No, a wrong, an expired or a used proof of work (`challenge_required`, `challenge_failed`, `challenge_replayed`), or a website not registered (`origin_not_allowed`).',
      409: 'The Idempotency-Key was used for a different report (`idempotency_conflict`).',
      413: 'The body, a file or the number of files is over its limit (`payload_too_large`).',
      415: 'Neither JSON nor multipart, or a file of a kind not accepted (`unsupported_media_type`).',
      429: PUBLIC_FAILURES[429],
    }),
  },
});

const getReport = createRoute({
  method: 'get',
  path: '/{trackingId}',
  operationId: 'getReport',
  summary: 'Where a report stands',
  description:
    "The public view leaves out a confidential report's content and an anonymous report's reporter; with the receipt, the reporter's view.",
  security: publicOrReporter,
  request: { params: trackingIdParams },
  responses: {
    200: answer('The report as the viewer may see it.', reportViewSchema),
    ...failures({
      400: 'Not a valid Tracking ID (`invalid_tracking_id`).',
      401: 'The receipt does not match (`invalid_receipt`).',
      404: 'No report has this Tracking ID.',
      ...PUBLIC_FAILURES,
    }),
  },
});

/** Filing a report, and looking one up by its Tracking ID. */
export function reportRoutes(deps: ResolvedDeps, limits: ReportLimits) {
  const { db, attachments, clock } = deps;
  const app = routes<Admitted>();
  app.openAPIRegistry.registerComponent('schemas', 'ReportInput', reportInputDocument());
  return app
    .openapi(
      {
        ...fileReport,
        middleware: [limits.reportsPerAddress, submissionGuard, admission(deps), limits.reportsPerSite],
      },
      async (c) => {
        const submission = await readSubmission(c, attachments.staging);
        try {
          const { created, replayed } = await fileSubmission(deps, {
            submission,
            site: c.get('site'),
            solution: c.get('solution'),
            idempotencyKey: idempotencyKeyFrom(c.req.header('idempotency-key')),
            now: clock(),
          });
          c.header('Location', `/api/v1/reports/${created.trackingId}`);
          c.header('Cache-Control', 'no-store');
          if (replayed) c.header('Idempotent-Replayed', 'true');
          return c.json(created, 201);
        } finally {
          await submission.discard();
        }
      },
    )
    .openapi({ ...getReport, middleware: [limits.lookupsPerAddress] }, async (c) => {
      const access = await viewerOf(c, db, c.req.valid('param').trackingId);
      return c.json(await viewOf(deps, access, clock()), 200);
    });
}
