import * as z from 'zod/mini';
import { isFutureDate } from './dates';
import { REPORTER_EMAIL_MAX_LENGTH, REPORTER_PHONE_MAX_LENGTH } from './limits';
import {
  EMAIL,
  INCIDENT_DATE_EARLIEST,
  isCalendarDate,
  isPhoneNumber,
  REGION_CODE,
  REPORT_KINDS,
  SLUG,
  SLUG_MAX_LENGTH,
  STORABLE_TEXT,
  TEXT_LIMITS,
  visibleLength,
} from './report-rules';

const text = (path: keyof typeof TEXT_LIMITS) =>
  z.string().check(
    z.trim(),
    z.refine((value) => visibleLength(value) >= TEXT_LIMITS[path][0], {
      message: `Too short: at least ${TEXT_LIMITS[path][0]} visible characters`,
      params: { reason: 'too_small' },
    }),
    z.maxLength(TEXT_LIMITS[path][1]),
    z.regex(STORABLE_TEXT),
  );
const slug = () => z.string().check(z.maxLength(SLUG_MAX_LENGTH), z.regex(SLUG));

/** The report as the hub accepts it, built from the rules in `report-rules.ts`. */
export const reportInputSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  title: text('title'),
  body: text('body'),
  incidentDate: z.string().check(
    z.refine(isCalendarDate, { message: 'Invalid date: expected YYYY-MM-DD', params: { reason: 'invalid_format' } }),
    z.refine((date) => !isFutureDate(date), {
      message: 'The incident date is in the future',
      params: { reason: 'future' },
      when: (payload) => isCalendarDate(payload.value as string),
    }),
    z.refine((date) => date >= INCIDENT_DATE_EARLIEST, {
      message: `The incident date is before ${INCIDENT_DATE_EARLIEST}`,
      params: { reason: 'invalid_value' },
      when: (payload) => isCalendarDate(payload.value as string) && !isFutureDate(payload.value as string),
    }),
  ),
  location: z.object({
    text: text('location.text'),
    regionCode: z.optional(z.string().check(z.regex(REGION_CODE))),
  }),
  institutionId: slug(),
  categoryId: z.optional(slug()),
  anonymous: z._default(z.boolean(), false),
  confidential: z._default(z.boolean(), false),
  /** The language the reporter writes in, for the emails they will get. */
  locale: z.optional(z.enum(['id', 'en'])),
  /** The form's honeypot: a field people never see or fill. */
  website: z.optional(z.string().check(z.maxLength(500))),
  reporter: z.optional(
    z.object({
      name: z.optional(text('reporter.name')),
      email: z.optional(z.string().check(z.maxLength(REPORTER_EMAIL_MAX_LENGTH), z.regex(EMAIL))),
      phone: z.optional(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(REPORTER_PHONE_MAX_LENGTH),
            z.refine(isPhoneNumber, { message: 'Not a phone number', params: { reason: 'invalid_format' } }),
          ),
      ),
    }),
  ),
});

/** What a client sends (defaults may be omitted). */
export type ReportInput = z.input<typeof reportInputSchema>;
/** What the hub works with after validation. */
export type ValidReport = z.output<typeof reportInputSchema>;
