import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import {
  ATTACHMENT_MAX_COUNT,
  type FieldError,
  JSON_BODY_MAX_BYTES,
  MULTIPART_BODY_MAX_BYTES,
  reportInputSchema,
  toFieldErrors,
  type ValidReport,
} from '../../../contract';
import { type InspectedFile, inspectAttachment } from '../attachments/inspect';
import { type StagedMultipart, stageMultipart } from '../attachments/staging';
import { DomainError } from '../errors';
import type { Submission } from '../reports/create';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

/**
 * Refuses a body over `max` bytes. A declared Content-Length is checked as it
 * stands, without touching the body: hono's bodyLimit asks for the request's
 * body stream first, which makes @hono/node-server build a whole Web Request
 * (about a tenth of the time a filing takes) before the body is read. Only a
 * chunked body, whose length nobody declared, is counted as it streams.
 */
const tooLarge = (max: number) => {
  const refuse = () => {
    throw new DomainError('payload_too_large', `The request may be at most ${max} bytes`);
  };
  const counted = bodyLimit({ maxSize: max, onError: refuse });
  return createMiddleware(async (c, next) => {
    const declared = c.req.header('content-length');
    const streamed =
      declared === undefined || !/^\d+$/.test(declared) || c.req.header('transfer-encoding') !== undefined;
    if (streamed) return counted(c, next);
    if (Number(declared) > max) refuse();
    await next();
  });
};
const jsonLimit = tooLarge(JSON_BODY_MAX_BYTES);
const multipartLimit = tooLarge(MULTIPART_BODY_MAX_BYTES);

/** Refuses other media types (415) and bodies over the limit for their type (413) before anything is read. */
export const submissionGuard = createMiddleware(async function submissionGuard(c, next) {
  const type = c.req.header('content-type') ?? '';
  if (JSON_TYPE.test(type)) return jsonLimit(c, next);
  if (MULTIPART_TYPE.test(type)) return multipartLimit(c, next);
  throw new DomainError('unsupported_media_type', 'Send the report as application/json or multipart/form-data');
});

/**
 * Reads and validates a submission by the contract, gathering every field's
 * problem into one error: 415 when a file is of a kind not accepted, 413 when
 * one is too large or there are too many, else 400. Files go to `staging` as
 * they arrive; on any error they are removed.
 */
export async function readSubmission(c: Context, staging: string): Promise<Submission> {
  const contentType = c.req.header('content-type') ?? '';
  if (!MULTIPART_TYPE.test(contentType)) {
    return { input: validate(await readJson(c), {}), files: [], discard: async () => {} };
  }
  const body = c.req.raw.body;
  if (!body) throw new DomainError('invalid_multipart', 'The multipart body is empty');
  let staged: StagedMultipart;
  try {
    staged = await stageMultipart(body, contentType, staging);
  } catch (cause) {
    throw new DomainError('invalid_multipart', 'The body is not valid multipart/form-data', { cause });
  }
  try {
    if (staged.report === undefined || staged.unexpected.length) {
      throw new DomainError(
        'invalid_multipart',
        'A multipart report has a `report` field (the JSON) and `attachments` files, nothing else',
      );
    }
    if (staged.reportTooLong) throw new DomainError('payload_too_large', 'The report is too long');
    const fields: Record<string, FieldError> = {};
    if (staged.tooManyFiles)
      fields.attachments = { code: 'too_many', message: `At most ${ATTACHMENT_MAX_COUNT} attachments` };
    const files: InspectedFile[] = [];
    for (const [i, file] of staged.files.entries()) {
      const result = await inspectAttachment(file);
      if (result.ok) files.push(result.file);
      else fields[`attachments.${i}`] = { code: result.problem, message: attachmentMessage(result.problem) };
    }
    let json: unknown;
    try {
      json = JSON.parse(staged.report);
    } catch (cause) {
      throw new DomainError('invalid_json', 'The `report` field is not valid JSON', { cause });
    }
    return { input: validate(json, fields), files, discard: staged.discard };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/** Validates the report; `fileFields` are the attachments' problems found so far. */
function validate(json: unknown, fileFields: Record<string, FieldError>): ValidReport {
  const parsed = reportInputSchema.safeParse(json);
  const fields = { ...(parsed.success ? {} : toFieldErrors(parsed.error.issues)), ...fileFields };
  if (parsed.success && !Object.keys(fields).length) return parsed.data;
  const codes = Object.values(fileFields).map((f) => f.code);
  if (codes.includes('unsupported_type')) {
    throw new DomainError('unsupported_media_type', 'An attachment is of a kind not accepted', { fields });
  }
  if (codes.includes('too_big') || codes.includes('too_many')) {
    throw new DomainError('payload_too_large', 'The attachments are too large or too many', { fields });
  }
  throw new DomainError('validation_failed', 'The report has invalid fields', { fields });
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (cause) {
    throw new DomainError('invalid_json', 'The body is not valid JSON', { cause });
  }
}

function attachmentMessage(problem: string): string {
  switch (problem) {
    case 'too_big':
      return 'The file is larger than 2 MB';
    case 'empty':
      return 'The file is empty';
    case 'damaged':
      return 'The file cannot be read as the kind of file its contents claim';
    default:
      return 'This kind of file is not accepted; send images, PDF, office documents or video';
  }
}
