import * as z from 'zod';
import { REPORT_CHANNELS } from './channels';
import { DELIVERY_KINDS, DELIVERY_STATES } from './deliveries';
import {
  type Category,
  ERROR_CODES,
  type ErrorBody,
  type Institution,
  type Page,
  type PowChallenge,
  REPORT_KINDS,
  REPORT_STATUSES,
  type Region,
  type ReportCreated,
  type ReportView,
  type SiteConfig,
} from './index';
import {
  MONITOR_LIMITS,
  type MonitorMap,
  type MonitorStats,
  type PublicReport,
  type PublicReportPage,
} from './monitor';
import { POLL_KINDS, type PollResults, type PollView, type VoteRecorded } from './polls';

/**
 * The hub's answers as zod schemas, from which its routes are declared and
 * its OpenAPI document generated. The contract states them as TypeScript
 * types too, so that the widget imports no runtime schema for them (this
 * file is not re-exported by index.ts); `Same` below fails to compile if a
 * schema and its type drift apart, and the OpenAPI test checks real answers
 * against these schemas.
 */
/** Exact type equality: optional properties present on one side only make it false. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Same<A, B>) => proof;

const ref = z.object({ id: z.string(), name: z.string() });
const status = z.enum(REPORT_STATUSES);
const deadline = z
  .object({
    kind: z.enum(['forward', 'follow_up', 'auto_close', 'resolution']),
    due: z.iso.date(),
    workingDaysLeft: z.number().int(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Deadline', description: "A deadline in the institution's working days." });

export const reportCreatedSchema = z
  .object({
    trackingId: z.string().meta({ example: 'LPR-7K3M-9Q2X-T' }),
    receipt: z.string().meta({ description: 'Shown once; the hub keeps only its hash.' }),
    status,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ReportCreated' });

export const reportViewSchema = z
  .object({
    viewer: z.enum(['public', 'reporter']),
    trackingId: z.string(),
    kind: z.enum(REPORT_KINDS),
    status,
    anonymous: z.boolean(),
    confidential: z.boolean(),
    institution: ref,
    category: ref.optional(),
    title: z.string().optional(),
    body: z.string().optional(),
    incidentDate: z.string().optional(),
    location: z
      .object({ text: z.string(), regionCode: z.string().optional(), regionName: z.string().optional() })
      .optional(),
    reporter: z
      .object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })
      .optional(),
    attachments: z
      .array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), url: z.string() }))
      .optional(),
    deadline: deadline.optional(),
    resolution: deadline.optional(),
    sentTo: z
      .enum(['sp4n-lapor', 'institution'])
      .optional()
      .meta({ description: "SP4N-LAPOR!'s national workflow, or the institution's own desk (system, email, Open311)" }),
    duplicateOf: z.string().optional().meta({
      description: 'The earlier report this one repeats, by its Tracking ID: that one is handled instead.',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    timeline: z.array(
      z.object({
        at: z.iso.datetime(),
        type: z
          .enum(['status', 'message', 'rating', 'duplicate'])
          .meta({ description: '`duplicate`: found to repeat the report whose Tracking ID is `reference`.' }),
        actor: z.enum(['reporter', 'hub', 'national', 'institution']),
        status: status.optional(),
        note: z.string().optional(),
        reference: z.string().optional().meta({
          description:
            "For the move to `submitted`: the report's number at its destination (see `sentTo`); for `duplicate`, the original's Tracking ID",
        }),
        rating: z.number().int().min(1).max(5).optional(),
        institution: ref.optional(),
      }),
    ),
  })
  .meta({ id: 'ReportView' });

export const institutionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['kementerian', 'lembaga', 'pemerintah-daerah', 'unit']),
    parentId: z.string().optional(),
    timeZone: z.string().optional(),
  })
  .meta({ id: 'Institution' });

export const categorySchema = ref.meta({ id: 'Category' });

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['province', 'regency', 'district', 'village']),
    parentCode: z.string().optional(),
  })
  .meta({ id: 'Region' });

export const siteConfigSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    institution: ref,
    category: ref.optional(),
    lockInstitution: z.boolean(),
  })
  .meta({ id: 'SiteConfig' });

export const powChallengeSchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: z.string(),
    maxnumber: z.number().int(),
    salt: z.string(),
    signature: z.string(),
  })
  .meta({
    id: 'PowChallenge',
    description: 'An ALTCHA puzzle: find n in 0..maxnumber with hex SHA-256(salt + n) = challenge.',
  });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.object({ code: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int().min(1),
    offset: z.number().int().min(0),
  });

export const institutionPageSchema = pageOf(institutionSchema).meta({ id: 'InstitutionPage' });
export const healthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgres']) })
  .meta({ id: 'Health' });

export const regionPageSchema = pageOf(regionSchema).meta({ id: 'RegionPage' });
export const categoryListSchema = z.object({ items: z.array(categorySchema) }).meta({ id: 'CategoryList' });
export const regionWithPathSchema = regionSchema
  .extend({ path: z.array(regionSchema).meta({ description: 'From the province down to this region.' }) })
  .meta({ id: 'RegionWithPath' });

same<z.infer<typeof reportCreatedSchema>, ReportCreated>(true);
same<z.infer<typeof reportViewSchema>, ReportView>(true);
same<z.infer<typeof institutionSchema>, Institution>(true);
same<z.infer<typeof categorySchema>, Category>(true);
same<z.infer<typeof regionSchema>, Region>(true);
same<z.infer<typeof siteConfigSchema>, SiteConfig>(true);
same<z.infer<typeof errorSchema>, ErrorBody>(true);
same<z.infer<typeof powChallengeSchema>, PowChallenge>(true);
same<z.infer<typeof regionPageSchema>, Page<Region>>(true);
same<z.infer<typeof institutionPageSchema>, Page<Institution>>(true);

/** What a destination's signed event was answered. */
export const acceptedSchema = z.object({ accepted: z.literal(true) }).meta({ id: 'Accepted' });

export const deliveryRowSchema = z
  .object({
    id: z.number().int(),
    trackingId: z.string(),
    kind: z.enum(DELIVERY_KINDS),
    destination: z.string(),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable().meta({ description: 'Personal data masked.' }),
    externalRef: z.string().nullable().meta({ description: "The destination's own reference for the report." }),
  })
  .meta({ id: 'Delivery', description: 'One message in the outbox, to one destination.' });

export const deliveryListSchema = z.object({ items: z.array(deliveryRowSchema) }).meta({ id: 'DeliveryList' });

export const overdueReportSchema = z
  .object({ trackingId: z.string(), institutionId: z.string(), status, deadline })
  .meta({ id: 'OverdueReport' });

export const overdueListSchema = z.object({ items: z.array(overdueReportSchema) }).meta({ id: 'OverdueList' });

export const operatorReportSchema = reportViewSchema
  .extend({
    channel: z.enum(REPORT_CHANNELS).meta({ description: 'How the report came: the form, Open311, SMS or email.' }),
    channelSource: z
      .string()
      .nullable()
      .meta({ description: 'The Open311 client or SMS gateway it came through, by name; null for the form.' }),
    deliveries: z.array(deliveryRowSchema),
  })
  .meta({ id: 'OperatorReport', description: "The reporter's view, an anonymous reporter's contact included." });

export const retriedSchema = z.object({ retried: z.literal(true) }).meta({ id: 'Retried' });

export const pollResultsSchema = z
  .object({
    votes: z.number().int(),
    counts: z.array(z.number().int()).meta({ description: '`counts[i]` for option (or level) `i + 1`.' }),
    countedAt: z.iso.datetime(),
    comments: z.number().int().meta({ description: 'How many voters left a comment.' }),
  })
  .meta({ id: 'PollResults', description: 'Counted votes; only once the poll has closed.' });

export const pollViewSchema = z
  .object({
    id: z.string(),
    institution: ref,
    regionCode: z.string().optional(),
    question: z.string(),
    explanation: z.string(),
    kind: z.enum(POLL_KINDS),
    options: z.array(z.string()),
    allowComment: z.boolean(),
    publishComments: z.boolean(),
    confirmByEmail: z.boolean(),
    opensAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    state: z.enum(['scheduled', 'open', 'closed']),
    yourVote: z
      .object({ choice: z.number().int(), comment: z.string().optional(), confirmed: z.boolean() })
      .optional()
      .meta({ description: 'The vote of the device whose token was sent.' }),
    results: pollResultsSchema.optional(),
  })
  .meta({ id: 'Poll', description: 'A policy poll; never a count before it closes.' });

export const pollListSchema = z.object({ items: z.array(pollViewSchema) }).meta({ id: 'PollList' });

export const voteRecordedSchema = z
  .object({ choice: z.number().int(), changed: z.boolean(), confirmed: z.boolean() })
  .meta({
    id: 'VoteRecorded',
    description: 'What now counts for this device, and whether it replaced its earlier vote.',
  });

same<z.infer<typeof pollResultsSchema>, PollResults>(true);
same<z.infer<typeof pollViewSchema>, PollView>(true);
same<z.infer<typeof voteRecordedSchema>, VoteRecorded>(true);

export const publicReportSchema = z
  .object({
    trackingId: z.string(),
    kind: z.enum(REPORT_KINDS),
    status,
    title: z.string().meta({ description: 'Masked for personal data, as in the public view.' }),
    excerpt: z.string().meta({ description: "The report's first lines, masked likewise." }),
    institution: ref.meta({ description: 'The institution that holds the report now.' }),
    category: ref.optional(),
    region: z.object({ code: z.string(), name: z.string() }).optional(),
    receivedAt: z.iso.datetime(),
    forwardedAt: z.iso.datetime(),
    deadline: deadline.optional(),
    resolution: deadline.optional(),
  })
  .meta({
    id: 'PublicReport',
    description: 'A published report: forwarded at least once, never a confidential one, never its reporter.',
  });

export const publicReportPageSchema = z
  .object({
    items: z.array(publicReportSchema),
    next: z
      .string()
      .optional()
      .meta({ description: 'Give it back as `cursor` for the next page; absent on the last.' }),
  })
  .meta({ id: 'PublicReportPage' });

const share = z.number().min(0).max(1).nullable();
const monitorFigures = {
  received: z.number().int().meta({ description: 'Reports received, confidential ones included.' }),
  forwarded: z.number().int().meta({ description: 'Of them, forwarded to the institution with authority.' }),
  answered: z.number().int().meta({ description: 'Of them, answered by the institution (a follow-up).' }),
  finished: z.number().int().meta({ description: 'Of them, finished now.' }),
  answeredWithin5: share.meta({ description: 'Share of the forwarded answered within 5 working days of forwarding.' }),
  finishedWithin60: share.meta({
    description: 'Share of the forwarded finished within 60 working days of forwarding.',
  }),
  medianDaysToResponse: z
    .number()
    .nullable()
    .meta({ description: 'Median working days from forwarding to the first follow-up (61 stands for 61 or more).' }),
};
const figuresSchema = z.object(monitorFigures).meta({ id: 'MonitorFigures' });
const part = <Key extends z.ZodRawShape>(key: Key) =>
  z.union([
    z.object({ ...key, ...monitorFigures, suppressed: z.literal(false) }),
    z.object({ ...key, suppressed: z.literal(true) }),
  ]);

export const monitorStatsSchema = z
  .object({
    scope: z.object({
      institution: z.string().optional(),
      region: z.string().optional(),
      category: z.string().optional(),
    }),
    totals: figuresSchema,
    overdue: z
      .number()
      .int()
      .meta({ description: 'Reports whose running deadline (forwarding, follow-up, resolution) has passed, today.' }),
    suppressed: z.boolean().meta({ description: 'Fewer than 5 reports: not broken down by month or place.' }),
    months: z.array(part({ month: z.string().meta({ description: 'Month of receipt, YYYY-MM.' }) })),
    places: z
      .array(part({ region: z.object({ code: z.string(), name: z.string() }), overdue: z.number().int() }))
      .optional(),
  })
  .meta({
    id: 'MonitorStats',
    description: 'A scope’s figures by month of receipt; a month or place of fewer than 5 reports gives none.',
  });

export const similarReportsSchema = z
  .object({ items: z.array(publicReportSchema).max(MONITOR_LIMITS.similarShown) })
  .meta({ id: 'SimilarReports', description: 'Up to three published reports still being handled, the closest first.' });

export const monitorMapSchema = z
  .object({
    code: z.string().meta({ description: '`id` for the country, or the province.' }),
    viewBox: z.string().meta({ example: '0 0 1000 372' }),
    regions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        d: z.string().meta({ description: "The region's outline: an SVG path within viewBox." }),
      }),
    ),
    attribution: z.string().meta({ description: "The boundaries' source and licence, to show with the map." }),
  })
  .meta({ id: 'MonitorMap' });

same<z.infer<typeof publicReportSchema>, PublicReport>(true);
same<z.infer<typeof monitorMapSchema>, MonitorMap>(true);
same<z.infer<typeof publicReportPageSchema>, PublicReportPage>(true);
same<z.infer<typeof monitorStatsSchema>, MonitorStats>(true);
