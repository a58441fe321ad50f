import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import { downloadAttachment } from '../reports/download';
import { failures, PUBLIC_FAILURES, routes } from './declare';
import { publicOrReporter, trackingIdParams, viewerOf } from './receipt';
import type { ReportLimits } from './report-limits';

const getAttachment = createRoute({
  method: 'get',
  path: '/{trackingId}/attachments/{attachmentId}',
  operationId: 'getAttachment',
  summary: 'An attachment of a report, as a download',
  security: publicOrReporter,
  request: {
    params: trackingIdParams.extend({
      attachmentId: z.string().meta({ description: "The attachment's id from the report view." }),
    }),
  },
  responses: {
    200: {
      description: 'The file, its metadata removed.',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...failures({
      401: "A confidential report's files need its receipt.",
      404: 'No such report or attachment.',
      ...PUBLIC_FAILURES,
    }),
  },
});

/** A report's files, served as inert downloads: never sniffed, never run as a page. */
export function attachmentRoutes(deps: ResolvedDeps, { lookupsPerAddress }: ReportLimits) {
  return routes().openapi({ ...getAttachment, middleware: [lookupsPerAddress] }, async (c) => {
    const { trackingId, attachmentId } = c.req.valid('param');
    const access = await viewerOf(c, deps.db, trackingId);
    const { attachment, name, content } = await downloadAttachment(deps, access, attachmentId);
    c.header('Content-Type', attachment.mediaType);
    c.header('Content-Length', String(attachment.size));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    return c.body(content instanceof Readable ? (Readable.toWeb(content) as ReadableStream) : content, 200);
  });
}
