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
import { ApiError } from '../errors';

/** A report as posted: JSON alone, or multipart with the JSON in `report` and files in `attachments`. */
export interface Submission {
  input: ValidReport;
  files: InspectedFile[];
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

const tooLarge = (max: number) =>
  bodyLimit({
    maxSize: max,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request may be at most ${max} bytes`);
    },
  });
const jsonLimit = tooLarge(JSON_BODY_MAX_BYTES);
const multipartLimit = tooLarge(MULTIPART_BODY_MAX_BYTES);

/** Refuses other media types (415) and bodies over the limit for their type (413) before anything is read. */
export const submissionGuard = createMiddleware(async function submissionGuard(c, next) {
  const type = c.req.header('content-type') ?? '';
  if (JSON_TYPE.test(type)) return jsonLimit(c, next);
  if (MULTIPART_TYPE.test(type)) return multipartLimit(c, next);
  throw new ApiError(415, 'unsupported_media_type', 'Send the report as application/json or multipart/form-data');
});

/** Reads and validates a submission by the contract, gathering every field's problem into one 400. */
export async function readSubmission(c: Context): Promise<Submission> {
  const multipart = MULTIPART_TYPE.test(c.req.header('content-type') ?? '');
  const { json, files } = multipart ? await readMultipart(c) : { json: await readJson(c), files: [] };

  const fields: Record<string, FieldError> = {};
  const parsed = reportInputSchema.safeParse(json);
  if (!parsed.success) Object.assign(fields, toFieldErrors(parsed.error.issues));
  if (files.length > ATTACHMENT_MAX_COUNT) {
    fields.attachments = { code: 'too_many', message: `At most ${ATTACHMENT_MAX_COUNT} attachments` };
  }
  const inspected: InspectedFile[] = [];
  for (const [i, file] of files.slice(0, ATTACHMENT_MAX_COUNT).entries()) {
    const result = await inspectAttachment(file);
    if (result.ok) inspected.push(result.file);
    else fields[`attachments.${i}`] = { code: result.problem, message: attachmentMessage(result.problem) };
  }
  if (!parsed.success || Object.keys(fields).length) {
    throw new ApiError(400, 'validation_failed', 'The report has invalid fields', { fields });
  }
  return { input: parsed.data, files: inspected };
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (cause) {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON', { cause });
  }
}

async function readMultipart(c: Context): Promise<{ json: unknown; files: File[] }> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (cause) {
    throw new ApiError(400, 'invalid_multipart', 'The body is not valid multipart/form-data', { cause });
  }
  const report = form.get('report');
  if (typeof report !== 'string') {
    throw new ApiError(
      400,
      'invalid_multipart',
      'The multipart body needs a `report` field holding the report as JSON',
    );
  }
  const files = form.getAll('attachments');
  if (files.some((file) => typeof file === 'string')) {
    throw new ApiError(400, 'invalid_multipart', 'Every `attachments` part must be a file');
  }
  try {
    return { json: JSON.parse(report), files: files as File[] };
  } catch (cause) {
    throw new ApiError(400, 'invalid_json', 'The `report` field is not valid JSON', { cause });
  }
}

function attachmentMessage(problem: string): string {
  switch (problem) {
    case 'too_big':
      return 'The file is larger than 2 MB';
    case 'empty':
      return 'The file is empty';
    default:
      return 'This kind of file is not accepted; send images, PDF, office documents or video';
  }
}
