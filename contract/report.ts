import * as z from 'zod/mini';
import { isFutureDate } from './dates';
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

/** SP4N-LAPOR!'s three classifications: complaint, aspiration, information request. */
export const REPORT_KINDS = ['pengaduan', 'aspirasi', 'informasi'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Directory identifiers are lower-case slugs, e.g. `kemenperin`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Kemendagri region codes: `73`, `73.71`, `73.71.01`, `73.71.01.1001`. */
const REGION_CODE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
/** Indonesian and international numbers: optional +, 8 to 15 digits, common separators. */
const PHONE = /^\+?[0-9][0-9 ().-]{6,18}[0-9]$/;

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
const slug = () => z.string().check(z.maxLength(64), z.regex(SLUG));

export const reportInputSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  title: text(TITLE_MIN_LENGTH, TITLE_MAX_LENGTH),
  body: text(BODY_MIN_LENGTH, BODY_MAX_LENGTH),
  incidentDate: z.iso.date().check(
    z.refine((date) => !isFutureDate(date), {
      message: 'The incident date is in the future',
      params: { reason: 'future' },
    }),
  ),
  location: z.object({
    text: text(LOCATION_MIN_LENGTH, LOCATION_MAX_LENGTH),
    regionCode: z.optional(z.string().check(z.regex(REGION_CODE))),
  }),
  institutionId: slug(),
  categoryId: z.optional(slug()),
  anonymous: z._default(z.boolean(), false),
  confidential: z._default(z.boolean(), false),
  reporter: z.optional(
    z.object({
      name: z.optional(text(1, REPORTER_NAME_MAX_LENGTH)),
      email: z.optional(z.email().check(z.maxLength(REPORTER_EMAIL_MAX_LENGTH))),
      phone: z.optional(z.string().check(z.trim(), z.maxLength(REPORTER_PHONE_MAX_LENGTH), z.regex(PHONE))),
    }),
  ),
});

/** What a client sends (defaults may be omitted). */
export type ReportInput = z.input<typeof reportInputSchema>;
/** What the hub works with after validation. */
export type ValidReport = z.output<typeof reportInputSchema>;
