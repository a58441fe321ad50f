import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { BODY_MAX_LENGTH, parseTrackingId, type ReportView, STORABLE_TEXT, toFieldErrors } from '../../../contract';
import { rateLimitKey } from '../abuse/client-address';
import { checkSolution, type Solution } from '../abuse/proof-of-work';
import { limitPer } from '../abuse/rate-limit';
import { sharedCounts } from '../abuse/shared-counts';
import type { ResolvedDeps } from '../app';
import type { Db } from '../db/client';
import { type Report, reports, type Site } from '../db/schema';
import { DomainError } from '../errors';
import { actOnReport, type ReporterAction } from '../reports/actions';
import { attachmentContext } from '../reports/create';
import { fileSubmission } from '../reports/file';
import { idempotencyKeyFrom } from '../reports/idempotency';
import { receiptMatches } from '../reports/receipt';
import { findAttachment, findReport, reportView } from '../reports/views';
import { isSelfOrigin } from '../sites/origin-guard';
import { findSite } from '../sites/sites';
import { DEFAULT_TIME_ZONE } from '../workflow/deadlines';
import { readSubmission, submissionGuard } from './submission';

const RECEIPT_AUTH = /^Receipt\s+(\S+)\s*$/i;

/** What the admission check found out about a report's request. */
type Admitted = { Variables: { site?: Site; solution?: Solution } };

const commentSchema = z.object({ text: z.string().trim().min(1).max(BODY_MAX_LENGTH).regex(STORABLE_TEXT) });
const reopenSchema = z.object({ reason: z.string().trim().min(10).max(BODY_MAX_LENGTH).regex(STORABLE_TEXT) });
const ratingSchema = z.object({
  score: z.number().int().min(1).max(5),
  remark: z.string().trim().max(1000).regex(STORABLE_TEXT).optional(),
});

/** A reporter's action: the receipt is required, the body is checked by its schema. */
async function readAction<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const json = await c.req.json().catch(() => {
    throw new DomainError('invalid_json', 'The body is not valid JSON');
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('validation_failed', 'The request has invalid fields', {
      fields: toFieldErrors(parsed.error.issues),
    });
  }
  return parsed.data;
}

export function reportRoutes({
  db,
  directory,
  regions,
  attachments,
  keyring,
  calendar,
  clock,
  proofOfWork,
  routing,
  rateLimits,
  clientAddress,
  selfOrigins,
}: ResolvedDeps) {
  const hour = 3_600_000;
  // On PostgreSQL several hub processes may answer: they count in the database, together.
  const counts = (namespace: string) => (db.$dialect === 'postgres' ? sharedCounts(db, namespace) : undefined);
  const byNetwork = (c: Context) => rateLimitKey(clientAddress(c));
  const reportLimit = limitPer({
    store: counts('reports-per-address'),
    limit: rateLimits.reportsPerHour,
    windowMs: hour,
    key: byNetwork,
    what: 'address',
  });
  // Site keys are public: only reports the site really passed on count against it, so junk sent with a
  // school's key (no proof of work, a foreign page, invalid fields) cannot use up its hour.
  const siteLimit = limitPer({
    store: counts('reports-per-site'),
    limit: rateLimits.reportsPerHourPerSite,
    windowMs: hour,
    key: (c) => (c as Context<Admitted>).get('site')?.key,
    what: 'website',
    onlyAccepted: true,
  });
  /** The site a report comes through and its proof of work, checked before anything is counted against the site. */
  const admission = createMiddleware<Admitted>(async function admission(c, next) {
    c.set('site', await siteOfRequest(c, db, selfOrigins));
    if (proofOfWork) c.set('solution', await checkSolution(db, proofOfWork, c.req.header('x-altcha')));
    await next();
  });
  /** Applies a reporter's action to the report the receipt opens, and answers the reporter's view. */
  const act = async (c: Context, action: ReporterAction) => {
    const { report, viewer } = await authorize(c, db);
    if (viewer !== 'reporter')
      throw new DomainError('invalid_receipt', 'Only the reporter, with the receipt, may do this');
    const timeZone = directory.institution(report.institutionId)?.timeZone ?? DEFAULT_TIME_ZONE;
    await actOnReport(db, report, action, { keyring, calendar, timeZone, now: clock() });
    const [updated] = await db.select().from(reports).where(eq(reports.id, report.id));
    return c.json(
      await reportView({ db, directory, regions, keyring, calendar, routing }, updated ?? report, 'reporter', clock()),
      201,
    );
  };
  const lookupLimit = limitPer({
    store: counts('lookups-per-address'),
    limit: rateLimits.lookupsPerMinute,
    windowMs: 60_000,
    key: byNetwork,
    what: 'address',
  });
  return new Hono<Admitted>()
    .post('/', reportLimit, submissionGuard, admission, siteLimit, async (c) => {
      const site = c.get('site');
      const solution = c.get('solution');
      const submission = await readSubmission(c, attachments.staging);
      try {
        const { created, replayed } = await fileSubmission(
          { db, attachments, keyring, directory, regions, routing },
          {
            submission,
            site,
            solution,
            idempotencyKey: idempotencyKeyFrom(c.req.header('idempotency-key')),
            now: clock(),
          },
        );
        c.header('Location', `/api/v1/reports/${created.trackingId}`);
        c.header('Cache-Control', 'no-store');
        if (replayed) c.header('Idempotent-Replayed', 'true');
        return c.json(created, 201);
      } finally {
        await submission.discard();
      }
    })
    .get('/:trackingId', lookupLimit, async (c) => {
      const { report, viewer } = await authorize(c, db);
      return c.json(await reportView({ db, directory, regions, keyring, calendar, routing }, report, viewer, clock()));
    })
    .post('/:trackingId/comments', lookupLimit, async (c) => {
      const { text } = await readAction(c, commentSchema);
      return act(c, { kind: 'comment', text });
    })
    .post('/:trackingId/reopen', lookupLimit, async (c) => {
      const { reason } = await readAction(c, reopenSchema);
      return act(c, { kind: 'reopen', reason });
    })
    .post('/:trackingId/rating', lookupLimit, async (c) => {
      const { score, remark } = await readAction(c, ratingSchema);
      return act(c, { kind: 'rating', score, ...(remark && { remark }) });
    })
    .get('/:trackingId/attachments/:attachmentId', lookupLimit, async (c) => {
      const { report, viewer } = await authorize(c, db);
      const found = await findAttachment(db, keyring, report, c.req.param('attachmentId') ?? '', viewer);
      if (!found) throw new DomainError('not_found', 'This report has no such attachment');
      const { attachment, name } = found;
      if (report.confidential && viewer !== 'reporter') {
        throw new DomainError('invalid_receipt', 'A confidential report’s attachments need its receipt');
      }
      const stream = await attachments.read(attachment.storageKey);
      if (!stream) throw new Error(`attachment ${attachment.id} is missing from the store`);
      // Served as inert data: never sniffed, never run as a page, always downloaded.
      c.header('Content-Type', attachment.mediaType);
      c.header('Content-Length', String(attachment.size));
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (!attachment.envelope) return c.body(Readable.toWeb(stream) as ReadableStream);
      const sealed = Buffer.concat(await stream.toArray());
      return c.body(
        new Uint8Array(keyring.decryptBytes(sealed, attachment.envelope, attachmentContext(attachment.publicId))),
      );
    });
}

/**
 * Finds the report a request names and who is asking: the public, or (with a
 * matching receipt) the reporter. Answers for one viewer must not be cached for another.
 */
async function authorize(c: Context, db: Db): Promise<{ report: Report; viewer: ReportView['viewer'] }> {
  const parsed = parseTrackingId(c.req.param('trackingId') ?? '');
  if (!parsed.ok) throw new DomainError('invalid_tracking_id', 'This is not a valid Tracking ID');
  const report = await findReport(db, parsed.trackingId);
  if (!report) throw new DomainError('not_found', 'No report has this Tracking ID');

  c.header('Vary', 'Authorization');
  const authorization = c.req.header('authorization');
  if (authorization === undefined) {
    c.header('Cache-Control', 'no-cache');
    return { report, viewer: 'public' };
  }
  c.header('Cache-Control', 'no-store');
  const receipt = RECEIPT_AUTH.exec(authorization)?.[1];
  if (!receipt || !receiptMatches(receipt, report.receiptHash)) {
    throw new DomainError('invalid_receipt', 'The receipt does not match this report');
  }
  return { report, viewer: 'reporter' };
}

/**
 * The site named by `X-Lapor-Site`, if any. From a browser, the page must be
 * one of that site's origins: a key copied onto a foreign website is useless.
 */
async function siteOfRequest(c: Context, db: Db, selfOrigins: readonly string[]): Promise<Site | undefined> {
  const key = c.req.header('x-lapor-site');
  if (!key) return undefined;
  const site = await findSite(db, key);
  if (!site) throw new DomainError('unknown_site', 'No site is registered under this key');
  const origin = c.req.header('origin');
  if (origin && !site.origins.includes(origin) && !isSelfOrigin(c, origin, selfOrigins)) {
    throw new DomainError('origin_not_allowed', `The site ${site.name} does not include ${origin}`);
  }
  return site;
}
