import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { JSON_BODY_MAX_BYTES, parseTrackingId, reportInputSchema, toFieldErrors } from '../../../contract';
import { perAddressLimit } from '../abuse/rate-limit';
import type { ResolvedDeps } from '../app';
import { ApiError } from '../errors';
import { createReport } from '../reports/create';
import { idempotencyKeyFrom, rememberAnswer, replayedAnswer, requestHash } from '../reports/idempotency';
import { receiptMatches } from '../reports/receipt';
import { findReport, reportView } from '../reports/views';

const RECEIPT_AUTH = /^Receipt\s+(\S+)\s*$/i;

const jsonOnly = createMiddleware(async function jsonOnly(c, next) {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the report as application/json');
  }
  await next();
});

export function reportRoutes({ db, directory, rateLimits, clientAddress }: ResolvedDeps) {
  const reportLimit = perAddressLimit({ limit: rateLimits.reportsPerHour, windowMs: 3_600_000, clientAddress });
  const lookupLimit = perAddressLimit({ limit: rateLimits.lookupsPerMinute, windowMs: 60_000, clientAddress });
  return new Hono()
    .post(
      '/',
      reportLimit,
      bodyLimit({
        maxSize: JSON_BODY_MAX_BYTES,
        onError: () => {
          throw new ApiError(413, 'payload_too_large', `A report may be at most ${JSON_BODY_MAX_BYTES} bytes`);
        },
      }),
      jsonOnly,
      zValidator('json', reportInputSchema, (result) => {
        if (!result.success) {
          throw new ApiError(400, 'validation_failed', 'The report has invalid fields', {
            fields: toFieldErrors(result.error.issues),
          });
        }
      }),
      (c) => {
        const input = c.req.valid('json');
        const fields: Record<string, { code: string; message: string }> = {};
        if (!directory.institution(input.institutionId)) {
          fields.institutionId = { code: 'unknown_institution', message: 'No institution has this id' };
        }
        if (input.categoryId && !directory.category(input.categoryId)) {
          fields.categoryId = { code: 'unknown_category', message: 'No category has this id' };
        }
        if (Object.keys(fields).length) {
          throw new ApiError(400, 'validation_failed', 'The report has invalid fields', { fields });
        }
        const now = new Date();
        const key = idempotencyKeyFrom(c.req.header('idempotency-key'));
        const hash = key && requestHash(input);
        const replayed = key && hash ? replayedAnswer(db, key, hash, now) : undefined;
        const created =
          replayed ??
          createReport(db, input, now, (tx, reportId, answer) => {
            if (key && hash) rememberAnswer(tx, key, hash, reportId, answer, now);
          });
        c.header('Location', `/api/v1/reports/${created.trackingId}`);
        c.header('Cache-Control', 'no-store');
        if (replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(created, 201);
      },
    )
    .get('/:trackingId', lookupLimit, (c) => {
      const parsed = parseTrackingId(c.req.param('trackingId') ?? '');
      if (!parsed.ok) {
        throw new ApiError(400, 'invalid_tracking_id', 'This is not a valid Tracking ID');
      }
      const report = findReport(db, parsed.trackingId);
      if (!report) throw new ApiError(404, 'not_found', 'No report has this Tracking ID');

      c.header('Vary', 'Authorization');
      const authorization = c.req.header('authorization');
      if (authorization === undefined) {
        c.header('Cache-Control', 'no-cache');
        return c.json(reportView(db, directory, report, 'public'));
      }
      const receipt = RECEIPT_AUTH.exec(authorization)?.[1];
      c.header('Cache-Control', 'no-store');
      if (!receipt || !receiptMatches(receipt, report.receiptHash)) {
        throw new ApiError(401, 'invalid_receipt', 'The receipt does not match this report');
      }
      return c.json(reportView(db, directory, report, 'reporter'));
    });
}
