import { isFutureDate } from './dates';
import type { FieldError } from './errors';
import {
  BODY_MAX_LENGTH,
  BODY_MIN_LENGTH,
  LOCATION_MAX_LENGTH,
  LOCATION_MIN_LENGTH,
  REPORTER_EMAIL_MAX_LENGTH,
  REPORTER_NAME_MAX_LENGTH,
  REPORTER_PHONE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
} from './limits';

/**
 * The rules a report must meet, as plain data and functions. The hub's zod
 * schema (`report.ts`) is built from them, and `checkReport` applies them
 * without zod, so the widget validates by the very same rules while staying
 * small enough for visitors on slow networks. A property test proves the two
 * agree.
 */

/** SP4N-LAPOR!'s three classifications: complaint, aspiration, information request. */
export const REPORT_KINDS = ['pengaduan', 'aspirasi', 'informasi'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Directory identifiers are lower-case slugs, e.g. `kemenperin`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text the hub can store: anything but NUL, which no one types and PostgreSQL's text cannot hold. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly the character refused here.
export const STORABLE_TEXT = /^[^\u0000]*$/;
export const SLUG_MAX_LENGTH = 64;
/** Kemendagri region codes: `73`, `73.71`, `73.71.01`, `73.71.01.1001`. */
export const REGION_CODE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
/** Indonesian and international numbers: optional +, 8 to 15 digits, common separators. */
export const PHONE = /^\+?[0-9][0-9 ().-]{6,18}[0-9]$/;
/**
 * The digits of a number that can be dialled: Indonesian (0 or 62, then a
 * non-zero area or mobile prefix, 9 to 14 digits in all) or international
 * in E.164 (+, a country code, 8 to 15 digits).
 */
const DIALLABLE = /^(?:(?:0|62)[1-9]\d{7,12}|\+[1-9]\d{7,14})$/;

/** A phone number a reporter could be reached at: its shape, and digits that can be dialled. */
export function isPhoneNumber(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const digits = text.replace(/[ ().-]/g, '');
  return DIALLABLE.test(digits.startsWith('+62') ? digits.slice(1) : digits);
}

/** No Indonesian public body served anyone before the Republic: an earlier incident date is a mistake. */
export const INCIDENT_DATE_EARLIEST = '1945-08-17';

/**
 * How many characters a reader sees: spaces, line breaks, zero-width and
 * other invisible characters do not count, so a title of zero-width spaces
 * is as empty as a blank one.
 */
export function visibleLength(text: string): number {
  return text.replace(/[\s\p{Z}\p{Cc}\p{Cf}]/gu, '').length;
}
/** A practical email shape: one @, a dotted domain, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD (no 30 February). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A text field's bounds, counted after trimming. */
export const TEXT_LIMITS = {
  title: [TITLE_MIN_LENGTH, TITLE_MAX_LENGTH],
  body: [BODY_MIN_LENGTH, BODY_MAX_LENGTH],
  'location.text': [LOCATION_MIN_LENGTH, LOCATION_MAX_LENGTH],
  'reporter.name': [1, REPORTER_NAME_MAX_LENGTH],
} as const;

/** The shape of a report before validation, as a client builds it. */
export interface ReportDraft {
  kind: string;
  title: string;
  body: string;
  incidentDate: string;
  location: { text: string; regionCode?: string };
  institutionId: string;
  categoryId?: string;
  anonymous?: boolean;
  confidential?: boolean;
  reporter?: { name?: string; email?: string; phone?: string };
}

/**
 * Checks a report by the contract's rules without zod; the codes match the
 * hub's field errors (`too_small`, `too_big`, `invalid_format`, `invalid_value`, `future`).
 */
export function checkReport(report: ReportDraft): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  const fail = (path: string, code: string) => {
    errors[path] ??= { code, message: code };
  };
  const text = (path: keyof typeof TEXT_LIMITS, value: string) => {
    const [min, max] = TEXT_LIMITS[path];
    if (visibleLength(value) < min) fail(path, 'too_small');
    else if (value.trim().length > max) fail(path, 'too_big');
  };
  const pattern = (path: string, value: string, regex: RegExp, max = Number.POSITIVE_INFINITY) => {
    if (value.length > max) fail(path, 'too_big');
    else if (!regex.test(value)) fail(path, 'invalid_format');
  };

  if (!(REPORT_KINDS as readonly string[]).includes(report.kind)) fail('kind', 'invalid_value');
  text('title', report.title);
  text('body', report.body);
  if (!isCalendarDate(report.incidentDate)) fail('incidentDate', 'invalid_format');
  else if (isFutureDate(report.incidentDate)) fail('incidentDate', 'future');
  else if (report.incidentDate < INCIDENT_DATE_EARLIEST) fail('incidentDate', 'invalid_value');
  text('location.text', report.location.text);
  if (report.location.regionCode !== undefined) pattern('location.regionCode', report.location.regionCode, REGION_CODE);
  pattern('institutionId', report.institutionId, SLUG, SLUG_MAX_LENGTH);
  if (report.categoryId !== undefined) pattern('categoryId', report.categoryId, SLUG, SLUG_MAX_LENGTH);
  const reporter = report.reporter;
  if (reporter?.name !== undefined) text('reporter.name', reporter.name);
  if (reporter?.email !== undefined) pattern('reporter.email', reporter.email, EMAIL, REPORTER_EMAIL_MAX_LENGTH);
  if (reporter?.phone !== undefined) {
    const phone = reporter.phone.trim();
    if (phone.length > REPORTER_PHONE_MAX_LENGTH) fail('reporter.phone', 'too_big');
    else if (!isPhoneNumber(phone)) fail('reporter.phone', 'invalid_format');
  }
  return errors;
}
