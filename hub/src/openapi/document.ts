import * as z from 'zod';
import { ATTACHMENT_MAX_COUNT, REPORT_STATUSES, reportInputSchema } from '../../../contract';
import {
  categoryListSchema,
  errorSchema,
  healthSchema,
  institutionPageSchema,
  institutionSchema,
  powChallengeSchema,
  regionPageSchema,
  regionWithPathSchema,
  reportCreatedSchema,
  reportViewSchema,
  siteConfigSchema,
} from './schemas';

/**
 * The OpenAPI 3.1 description of the public API. Every body's schema comes
 * from the zod schemas the hub validates with (the contract's report) or
 * answers by (`schemas.ts`); a test checks that each route of the app is
 * described here and that real answers match.
 */
const ref = (schema: z.core.$ZodType) => {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('schema without an id');
  return { $ref: `#/components/schemas/${id}` };
};
const json = (schema: z.core.$ZodType) => ({ 'application/json': { schema: ref(schema) } });
const answer = (description: string, schema: z.core.$ZodType) => ({ description, content: json(schema) });
const failure = (description: string) => answer(description, errorSchema);

const queryParam = (name: string, description: string, schema: object) => ({ name, in: 'query', description, schema });
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const pagination = [
  queryParam('limit', 'Page size, 1–500.', { type: 'integer', minimum: 1, maximum: 500, default: 100 }),
  queryParam('offset', 'Items to skip.', { type: 'integer', minimum: 0, default: 0 }),
];
const trackingId = pathParam(
  'trackingId',
  'The Tracking ID, e.g. LPR-7K3M-9Q2X-T; case, spaces and dashes do not matter.',
);
/** The two parts of the opt-out link in a reporter's email. */
const optOutLink = [
  queryParam('report', 'The Tracking ID.', { type: 'string' }),
  queryParam('token', 'From the link.', { type: 'string' }),
];
const common = {
  '403': failure('A browser request from a website not registered with this hub (`origin_not_allowed`).'),
  '429': failure('Too many requests from this address (`rate_limited`); see `Retry-After`.'),
};

/** A reporter's action: needs the receipt, is passed on to where the report went, answers the reporter's view. */
function reporterAction(operationId: string, summary: string, properties: object, required: string[], refused: string) {
  return {
    post: {
      operationId,
      summary,
      parameters: [trackingId],
      security: [{ receipt: [] }],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required, properties } } },
      },
      responses: {
        '201': answer("Recorded and passed on; the reporter's view.", reportViewSchema),
        '400': failure('Invalid fields.'),
        '401': failure('No or a wrong receipt (`invalid_receipt`).'),
        '404': failure('No report has this Tracking ID.'),
        '409': failure(refused),
        ...common,
      },
    },
  };
}

/** An operator's operation: the bearer token, JSON out. */
function operatorOperation<M extends 'get' | 'post'>(method: M, operationId: string, summary: string) {
  const operation = {
    operationId,
    summary,
    tags: ['operator'],
    security: [{ operator: [] }],
    responses: {
      '200': { description: 'The answer.', content: { 'application/json': { schema: { type: 'object' } } } },
      '401': failure('No or a wrong operator token (`invalid_token`).'),
      '404': failure('Not found, or the operator API is off (no ADMIN_TOKEN).'),
    },
  };
  return { [method]: operation } as Record<M, typeof operation>;
}

let built: ReturnType<typeof buildDocument> | undefined;

/** The document, built once per process. */
export function openApiDocument() {
  built ??= buildDocument();
  return built;
}

function buildDocument() {
  z.globalRegistry.add(reportInputSchema, { id: 'ReportInput' });
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const reportInput = schemas.ReportInput as { properties: Record<string, object> };
  // Refinements have no JSON Schema form: say in words what they check.
  reportInput.properties.incidentDate = {
    type: 'string',
    format: 'date',
    description: 'The day of the incident, not after today in WIT (UTC+9).',
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'lapor-embed hub',
      version: '1',
      description:
        'Files reports into SP4N-LAPOR! for embedded widgets and integrators, and shows where they stand. Errors are JSON `{"error": {"code", "message", "fields"?}}`.',
    },
    components: {
      schemas,
      securitySchemes: {
        operator: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the hub.' },
        receipt: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: "The reporter's receipt, as `Receipt <receipt>`; it opens the reporter's own view.",
        },
      },
    },
    paths: {
      '/api/v1/reports': {
        post: {
          operationId: 'fileReport',
          summary: 'File a report',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              description: 'Makes a retry safe: the same key and report answer the same 201 for 24 hours.',
              schema: { type: 'string', minLength: 16, maxLength: 255 },
            },
            {
              name: 'X-Altcha',
              in: 'header',
              description:
                'The solved proof of work: base64 of JSON {algorithm, challenge, number, salt, signature} for a challenge from GET /api/v1/challenge. Each solution files one report.',
              schema: { type: 'string' },
            },
            {
              name: 'X-Lapor-Site',
              in: 'header',
              description: "A registered website's key; from a browser the page must be one of its origins.",
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref(reportInputSchema) },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['report'],
                  properties: {
                    report: {
                      type: 'string',
                      contentMediaType: 'application/json',
                      description: 'The report (ReportInput) as JSON.',
                    },
                    attachments: {
                      type: 'array',
                      maxItems: ATTACHMENT_MAX_COUNT,
                      items: { type: 'string', contentMediaType: 'application/octet-stream' },
                      description: 'Images, PDF, office documents or video, 2 MB each; metadata is stripped.',
                    },
                  },
                },
              },
            },
          },
          responses: {
            '201': answer('Filed. The receipt is shown this once.', reportCreatedSchema),
            '400': failure('Invalid fields (`validation_failed`, with `fields`), body or site key.'),
            '403': failure(
              'No, a wrong, an expired or a used proof of work (`challenge_required`, `challenge_failed`, `challenge_replayed`), or a website not registered (`origin_not_allowed`).',
            ),
            '409': failure('The Idempotency-Key was used for a different report (`idempotency_conflict`).'),
            '413': failure('The body, a file or the number of files is over its limit (`payload_too_large`).'),
            '415': failure('Neither JSON nor multipart, or a file of a kind not accepted (`unsupported_media_type`).'),
            '429': common['429'],
          },
        },
      },
      '/api/v1/reports/{trackingId}': {
        get: {
          operationId: 'getReport',
          summary: 'Where a report stands',
          description:
            "The public view leaves out a confidential report's content and an anonymous report's reporter; with the receipt, the reporter's view.",
          parameters: [trackingId],
          security: [{}, { receipt: [] }],
          responses: {
            '200': answer('The report as the viewer may see it.', reportViewSchema),
            '400': failure('Not a valid Tracking ID (`invalid_tracking_id`).'),
            '401': failure('The receipt does not match (`invalid_receipt`).'),
            '404': failure('No report has this Tracking ID.'),
            ...common,
          },
        },
      },
      '/api/v1/reports/{trackingId}/comments': reporterAction(
        'addComment',
        'Add a comment or more information',
        { text: { type: 'string', minLength: 1, maxLength: 5000 } },
        ['text'],
        'Refused for an archived report.',
      ),
      '/api/v1/reports/{trackingId}/reopen': reporterAction(
        'reopenReport',
        'Reopen a report whose follow-up did not satisfy the reporter',
        { reason: { type: 'string', minLength: 10, maxLength: 5000 } },
        ['reason'],
        'Only while a follow-up stands or within 10 working days of closure (`reopen_window_closed`, `invalid_transition`).',
      ),
      '/api/v1/reports/{trackingId}/rating': reporterAction(
        'rateFollowUp',
        'Rate the follow-up, once',
        { score: { type: 'integer', minimum: 1, maximum: 5 }, remark: { type: 'string', maxLength: 1000 } },
        ['score'],
        'Only after a follow-up (`not_yet_followed_up`), and once (`already_rated`).',
      ),
      '/api/v1/reports/{trackingId}/attachments/{attachmentId}': {
        get: {
          operationId: 'getAttachment',
          summary: 'An attachment of a report, as a download',
          parameters: [trackingId, pathParam('attachmentId', "The attachment's id from the report view.")],
          security: [{}, { receipt: [] }],
          responses: {
            '200': {
              description: 'The file.',
              content: { 'application/octet-stream': { schema: { type: 'string' } } },
            },
            '401': failure("A confidential report's files need its receipt."),
            '404': failure('No such report or attachment.'),
            ...common,
          },
        },
      },
      '/api/v1/challenge': {
        get: {
          operationId: 'getChallenge',
          summary: 'A proof-of-work puzzle for the next report',
          responses: {
            '200': answer('A puzzle, valid for ten minutes.', powChallengeSchema),
            '404': failure('This hub asks for no proof of work.'),
            ...common,
          },
        },
      },
      '/api/v1/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Whether this hub process answers and reaches its database (for a load balancer)',
          responses: {
            '200': answer('Serving.', healthSchema),
            '503': answer('The database cannot be reached from this process.', healthSchema),
          },
        },
      },
      '/api/v1/destinations/{name}/events': {
        post: {
          operationId: 'receiveDestinationEvent',
          summary: 'A destination reports a status change or a response',
          description:
            'Signed like the deliveries: `X-Lapor-Timestamp` (Unix seconds, within 5 minutes) and `X-Lapor-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body" with the shared secret>`. Each `eventId` is taken once.',
          parameters: [pathParam('name', 'The destination, as configured in destinations.json.')],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['eventId', 'report', 'type'],
                  properties: {
                    eventId: { type: 'string', description: 'Unique per event, for replay protection.' },
                    report: { type: 'string', description: "Our Tracking ID or the destination's own reference." },
                    type: { type: 'string', enum: ['status', 'message'] },
                    status: { type: 'string', enum: [...REPORT_STATUSES], description: 'For a status event.' },
                    note: { type: 'string', description: 'A response or the reason for the change.' },
                    at: { type: 'string', format: 'date-time' },
                    institution: {
                      type: 'string',
                      description:
                        "For a forwarding to another institution: our directory's id for it, or its name when it is not in the directory.",
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': { description: 'Recorded.', content: { 'application/json': { schema: { type: 'object' } } } },
            '400': failure('Invalid event.'),
            '401': failure('Missing, wrong or stale signature (`invalid_signature`).'),
            '404': failure('No such destination, or no report delivered to it with this reference.'),
            '409': failure(
              'An event already received (`event_replayed`) or a move the workflow does not allow (`invalid_transition`).',
            ),
          },
        },
      },
      '/api/v1/institutions': {
        get: {
          operationId: 'listInstitutions',
          summary: 'The directory of institutions',
          parameters: [
            queryParam('q', 'Words that the name or id must hold.', { type: 'string', maxLength: 100 }),
            ...pagination,
          ],
          responses: { '200': answer('A page of institutions, best matches first.', institutionPageSchema), ...common },
        },
      },
      '/api/v1/institutions/{id}': {
        get: {
          operationId: 'getInstitution',
          summary: 'One institution',
          parameters: [pathParam('id', "The institution's id, e.g. kemenperin.")],
          responses: {
            '200': answer('The institution.', institutionSchema),
            '404': failure('No such institution.'),
            ...common,
          },
        },
      },
      '/api/v1/categories': {
        get: {
          operationId: 'listCategories',
          summary: 'Report categories',
          responses: { '200': answer('Every category.', categoryListSchema), ...common },
        },
      },
      '/api/v1/regions': {
        get: {
          operationId: 'listRegions',
          summary: 'Administrative regions',
          description:
            "Provinces, a region's children, or a search, from the idn-area-data dataset. Cacheable with ETag.",
          parameters: [
            queryParam('q', 'Words that the name must hold.', { type: 'string', maxLength: 100 }),
            queryParam('parent', 'A region code such as 73.71.', { type: 'string' }),
            ...pagination,
          ],
          responses: {
            '200': answer('A page of regions.', regionPageSchema),
            '400': failure('Invalid parameters.'),
            '404': failure('No region has the parent code.'),
            ...common,
          },
        },
      },
      '/api/v1/regions/{code}': {
        get: {
          operationId: 'getRegion',
          summary: 'One region with its path',
          parameters: [pathParam('code', 'A region code such as 73.71.01.')],
          responses: {
            '200': answer('The region.', regionWithPathSchema),
            '404': failure('No such region.'),
            ...common,
          },
        },
      },
      '/api/v1/sites/{key}/config': {
        get: {
          operationId: 'getSiteConfig',
          summary: "A registered website's presets",
          parameters: [pathParam('key', 'The site key.')],
          responses: { '200': answer('The presets.', siteConfigSchema), '404': failure('No such site.'), ...common },
        },
      },
      '/api/v1/admin/overdue': operatorOperation(
        'get',
        'listOverdue',
        'Open reports with a deadline past, the longest overdue first',
      ),
      '/api/v1/admin/deliveries': {
        get: {
          ...operatorOperation('get', 'listDeliveries', 'The outbox, newest first').get,
          parameters: [
            queryParam('state', 'Only deliveries in this state.', {
              type: 'string',
              enum: ['pending', 'delivered', 'needs_attention'],
            }),
          ],
        },
      },
      '/api/v1/admin/deliveries/{id}/retry': {
        post: {
          ...operatorOperation('post', 'retryDelivery', 'Send a delivery again from the start').post,
          parameters: [pathParam('id', 'The delivery id.')],
        },
      },
      '/api/v1/admin/reports/{trackingId}': {
        get: {
          ...operatorOperation(
            'get',
            'getReportAsOperator',
            "A report in full, an anonymous reporter's contact included, with its deliveries",
          ).get,
          parameters: [trackingId],
        },
      },
      '/api/v1/notifications/opt-out': {
        get: {
          operationId: 'showOptOut',
          summary: "The opt-out link in a reporter's email: a page with a button",
          parameters: optOutLink,
          responses: {
            '200': { description: 'The page.', content: { 'text/html': {} } },
            '404': failure('Not a valid link.'),
          },
        },
        post: {
          operationId: 'optOut',
          summary: 'Stop the emails about one report (also one-click, RFC 8058)',
          parameters: optOutLink,
          responses: {
            '200': { description: 'Done.', content: { 'text/html': {} } },
            '404': failure('Not a valid link.'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': {} } } },
        },
      },
    },
  };
}
