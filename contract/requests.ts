import * as z from 'zod';
import { BODY_MAX_LENGTH, REPORTER_EMAIL_MAX_LENGTH } from './limits';
import { MONITOR_LIMITS } from './monitor';
import { POLL_KINDS, POLL_LIMITS } from './polls';
import { EMAIL, REGION_CODE, REPORT_KINDS, SLUG, SLUG_MAX_LENGTH, STORABLE_TEXT, visibleLength } from './report-rules';
import { REPORT_STATUSES } from './status';

/**
 * What the hub's routes accept besides a report (report.ts): a reporter's
 * actions, query strings and a destination's events. The routes are declared
 * with these schemas, validate by them and document them; like
 * responses.ts, this file is not re-exported by index.ts, so the widget
 * carries none of it.
 */
const storable = (max: number) => z.string().trim().max(max).regex(STORABLE_TEXT);

export const commentSchema = z
  .object({ text: storable(BODY_MAX_LENGTH).min(1) })
  .meta({ id: 'Comment', description: 'More information or a question from the reporter.' });

export const reopenSchema = z
  .object({ reason: storable(BODY_MAX_LENGTH).min(10) })
  .meta({ id: 'Reopen', description: 'Why the follow-up did not settle the matter.' });

export const ratingSchema = z
  .object({ score: z.number().int().min(1).max(5), remark: storable(1000).optional() })
  .meta({ id: 'Rating', description: "The reporter's rating of the follow-up, 1 to 5." });

const pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'Page size, 1–500.' }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Items to skip.' }),
};

export const institutionQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Words that the name or id must hold.' }),
  ...pagination,
});

export const regionQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Words that the name must hold.' }),
  parent: z.string().regex(REGION_CODE).optional().meta({ description: 'A region code such as 73.71.' }),
  ...pagination,
});

export const inboundEventSchema = z
  .object({
    eventId: z
      .string()
      .min(1)
      .max(200)
      .regex(STORABLE_TEXT)
      .meta({ description: 'Unique per event, for replay protection.' }),
    report: z
      .string()
      .min(1)
      .max(200)
      .regex(STORABLE_TEXT)
      .meta({ description: "Our Tracking ID or the destination's own reference." }),
    type: z.enum(['status', 'message', 'duplicate']).meta({
      description: '`duplicate`: the report repeats an earlier one, named by `original`.',
    }),
    status: z.enum(REPORT_STATUSES).optional().meta({ description: 'For a status event.' }),
    original: z.string().min(1).max(200).regex(STORABLE_TEXT).optional().meta({
      description: "For a duplicate: the earlier report, by our Tracking ID or the destination's own reference.",
    }),
    note: z
      .string()
      .max(5000)
      .regex(STORABLE_TEXT)
      .optional()
      .meta({ description: 'A response or the reason for the change.' }),
    at: z.iso.datetime({ offset: true }).optional(),
    institution: z.string().min(1).max(300).regex(STORABLE_TEXT).optional().meta({
      description:
        "For a forwarding to another institution: our directory's id for it, or its name when it is not in the directory.",
    }),
  })
  .meta({
    id: 'DestinationEvent',
    description: 'A status change, a response, or a duplicate found, from where a report went.',
  });

const pollText = ([min, max]: readonly [number, number]) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(STORABLE_TEXT)
    .refine((value) => visibleLength(value) >= min, { message: `Too short: at least ${min} visible characters` });

/** A poll as the operator creates it (CLI or admin API); while it has not opened, every field may change. */
export const pollInputSchema = z
  .object({
    institutionId: z.string().max(SLUG_MAX_LENGTH).regex(SLUG),
    regionCode: z.string().regex(REGION_CODE).optional(),
    question: pollText(POLL_LIMITS.question),
    explanation: pollText(POLL_LIMITS.explanation)
      .default('')
      .meta({ description: 'Plain text; web addresses become links.' }),
    kind: z.enum(POLL_KINDS).meta({ description: 'One choice among `options`, or agreement on a 1–5 scale.' }),
    options: z
      .array(pollText(POLL_LIMITS.option))
      .max(POLL_LIMITS.options[1])
      .default([])
      .meta({ description: "A choice poll's 2–10 options, in the order shown; none for a scale poll." }),
    allowComment: z.boolean().default(false).meta({ description: 'Whether a voter may add a comment.' }),
    publishComments: z
      .boolean()
      .default(false)
      .meta({ description: 'Whether comments are in the export (masked for personal data) once the poll closes.' }),
    confirmByEmail: z.boolean().default(false).meta({
      description:
        'A vote counts only once confirmed from a link emailed to the voter (one vote per address; the address is kept only as a keyed hash).',
    }),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((poll, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (poll.kind === 'choice' && poll.options.length < POLL_LIMITS.options[0])
      issue('options', `A choice poll has at least ${POLL_LIMITS.options[0]} options`);
    if (poll.kind === 'scale' && poll.options.length) issue('options', 'A scale poll has no options');
    if (Date.parse(poll.closesAt) <= Date.parse(poll.opensAt)) issue('closesAt', 'A poll closes after it opens');
    if (poll.publishComments && !poll.allowComment)
      issue('publishComments', 'Comments can be published only where they are allowed');
  })
  .meta({ id: 'PollInput', description: 'A policy poll: its question, answers, and when it takes votes.' });
export type ValidPoll = z.output<typeof pollInputSchema>;

/** A vote: the position of the chosen option (1-based) or the level of agreement (1–5), and a comment if allowed. */
export const voteInputSchema = z
  .object({
    choice: z.number().int().min(1).max(POLL_LIMITS.options[1]),
    comment: pollText(POLL_LIMITS.comment).optional(),
    email: z
      .string()
      .trim()
      .max(REPORTER_EMAIL_MAX_LENGTH)
      .regex(EMAIL, { message: 'Not an email address' })
      .optional()
      .meta({ description: 'Where the poll asks for it: where the confirmation link goes. Never stored.' }),
  })
  .meta({ id: 'Vote', description: 'The chosen option (1-based) or level of agreement (1–5).' });

export const pollQuerySchema = z.object({
  institution: z.string().max(SLUG_MAX_LENGTH).regex(SLUG).optional().meta({
    description: "The institution's polls; from a registered site, that site's institution's only.",
  }),
  state: z.enum(['scheduled', 'open', 'closed']).optional(),
});

/** Public monitoring's scope: an institution, a province or regency, a category; each left out for all. */
const monitorScope = {
  institution: z.string().max(SLUG_MAX_LENGTH).regex(SLUG).optional().meta({
    description: 'The institution that holds the reports now (its id in the directory).',
  }),
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, { message: 'A province (73) or a regency or city (73.71)' })
    .optional()
    .meta({ description: 'A province (`73`) or a regency or city (`73.71`).', example: '73.71' }),
  category: z.string().max(SLUG_MAX_LENGTH).regex(SLUG).optional(),
};

const publicFilters = {
  ...monitorScope,
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  q: z.string().trim().max(200).optional().meta({
    description: 'Words the title or text holds, each as the start of a word (`jalan rus` finds "jalan rusak").',
  }),
};

export const openDataQuerySchema = z.object(publicFilters);

export const publicReportsQuerySchema = z.object({
  ...publicFilters,
  cursor: z.string().max(64).optional().meta({ description: 'The `next` of the page before.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MONITOR_LIMITS.page)
    .default(20)
    .meta({ description: `Reports per page, 1–${MONITOR_LIMITS.page}.` }),
});

export const monitorStatsQuerySchema = z
  .object({
    ...monitorScope,
    places: z.enum(['province', 'regency']).optional().meta({
      description: "Figures by province, or by regency and city within the scope's province.",
    }),
  })
  .refine((query) => query.places !== 'regency' || query.region?.length === 2, {
    path: ['places'],
    message: 'Regencies and cities are given within a province: give its code as region',
  })
  .refine((query) => !(query.institution && query.category), {
    path: ['category'],
    message: "Figures are kept for an institution or a category, not for an institution's category",
  });

/** `GET /api/v1/reports/similar`: what a visitor is writing, to find the same issue already being handled. */
export const similarReportsQuerySchema = z.object({
  institution: z.string().max(SLUG_MAX_LENGTH).regex(SLUG).meta({
    description: 'The institution the visitor is writing to; its child institutions’ reports are looked at too.',
  }),
  q: z.string().trim().min(1).max(MONITOR_LIMITS.similarQuery).meta({
    description: 'The title and the first sentences of the chronology.',
  }),
  region: monitorScope.region.meta({ description: 'Where it happened, when known: a tie goes to the same place.' }),
  category: monitorScope.category,
});

/** `POST /api/v1/reports/{trackingId}/followers`: follow a published report by email instead of filing it again. */
export const followRequestSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(REPORTER_EMAIL_MAX_LENGTH)
      .regex(EMAIL, { message: 'Not an email address' })
      .meta({ description: 'Where the confirmation link, then the news of the report, go. Stored sealed.' }),
    locale: z.enum(['id', 'en']).default('id').meta({ description: 'The language of the emails.' }),
  })
  .meta({ id: 'FollowRequest' });
