import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp as pgTimestamp,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { REPORT_CHANNELS, REPORT_KINDS, REPORT_STATUSES } from '../../../contract';
import { DELIVERY_KINDS, DELIVERY_STATES } from '../../../contract/deliveries';
import { POLL_KINDS } from '../../../contract/polls';
import type { StoredPollResults } from './poll-results';

/**
 * The hub's tables in PostgreSQL: the same tables, columns, constraints and
 * indexes as schema.sqlite.ts (schema-drift.test.ts fails when they part),
 * in PostgreSQL's own types. The comments on each table and column are in
 * schema.sqlite.ts.
 */

const timestamp = () => pgTimestamp({ mode: 'date', withTimezone: true, precision: 3 });
const id = () => integer().primaryKey().generatedByDefaultAsIdentity();

export const institutions = pgTable(
  'institutions',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    type: text({ enum: ['kementerian', 'lembaga', 'pemerintah-daerah', 'unit'] }).notNull(),
    parentId: text(),
    timeZone: text(),
    source: text({ enum: ['builtin', 'import'] }).notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [index('institutions_parent_id_idx').on(table.parentId)],
);

export const categories = pgTable('categories', {
  id: text().primaryKey(),
  name: text().notNull(),
});

export const sites = pgTable('sites', {
  key: text().primaryKey(),
  name: text().notNull(),
  origins: jsonb().$type<string[]>().notNull(),
  institutionId: text()
    .notNull()
    .references(() => institutions.id),
  categoryId: text().references(() => categories.id),
  lockInstitution: boolean().notNull().default(false),
  createdAt: timestamp().notNull(),
});

/**
 * Programs that file reports through Open311 (open311/clients.ts): a city's
 * 311 app, an institution's own system. The operator issues each its API
 * key, shown once; the hub keeps its SHA-256 only.
 */
export const open311Clients = pgTable('open311_clients', {
  id: text().primaryKey(),
  name: text().notNull(),
  keyHash: text().notNull().unique(),
  /** Reports it files go to this institution or one under it, when set. */
  institutionId: text().references(() => institutions.id),
  createdAt: timestamp().notNull(),
  revokedAt: timestamp(),
});

export const reports = pgTable('reports', {
  id: id(),
  trackingId: text().notNull().unique(),
  receiptHash: text().notNull(),
  kind: text({ enum: REPORT_KINDS }).notNull(),
  title: text().notNull(),
  body: text().notNull(),
  incidentDate: text().notNull(),
  locationText: text().notNull(),
  regionCode: text(),
  institutionId: text().notNull(),
  categoryId: text(),
  siteKey: text(),
  channel: text({ enum: REPORT_CHANNELS }).notNull().default('form'),
  channelSource: text(),
  anonymous: boolean().notNull(),
  confidential: boolean().notNull(),
  reporterName: text(),
  reporterEmail: text(),
  reporterPhone: text(),
  status: text({ enum: REPORT_STATUSES }).notNull(),
  locale: text({ enum: ['id', 'en'] })
    .notNull()
    .default('id'),
  notify: boolean().notNull().default(true),
  createdAt: timestamp().notNull(),
  updatedAt: timestamp().notNull(),
});

export const reportEvents = pgTable(
  'report_events',
  {
    id: id(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    at: timestamp().notNull(),
    type: text({ enum: ['status', 'message', 'rating', 'duplicate'] }).notNull(),
    actor: text({ enum: ['reporter', 'hub', 'national', 'institution'] }).notNull(),
    status: text({ enum: REPORT_STATUSES }),
    note: text(),
    institution: text(),
    /**
     * For the move to `submitted`: the report's number at its destination
     * (SP4N-LAPOR!'s, or the institution's desk's), shown to the reporter in
     * their own language rather than as a note in the hub's.
     */
    reference: text(),
    rating: integer(),
  },
  (table) => [index('report_events_report_id_idx').on(table.reportId, table.id)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    publicId: text().notNull().unique(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    envelope: text(),
    createdAt: timestamp().notNull(),
  },
  (table) => [index('attachments_report_id_idx').on(table.reportId)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    keyHash: text().primaryKey(),
    requestHash: text().notNull(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    sealedResponse: text().notNull(),
    createdAt: timestamp().notNull(),
  },
  (table) => [index('idempotency_keys_created_at_idx').on(table.createdAt)],
);

export const spentChallenges = pgTable(
  'spent_challenges',
  {
    signature: text().primaryKey(),
    expiresAt: timestamp().notNull(),
  },
  (table) => [index('spent_challenges_expires_at_idx').on(table.expiresAt)],
);

export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    destination: text().notNull(),
    kind: text({ enum: DELIVERY_KINDS }).notNull(),
    eventId: integer().references(() => reportEvents.id),
    idempotencyKey: text().notNull().unique(),
    state: text({ enum: DELIVERY_STATES }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp().notNull(),
    leaseUntil: timestamp(),
    lastError: text(),
    externalRef: text(),
    pollCursor: text(),
    nextPollAt: timestamp(),
    createdAt: timestamp().notNull(),
    deliveredAt: timestamp(),
  },
  (table) => [
    index('deliveries_due_idx').on(table.state, table.nextAttemptAt),
    index('deliveries_report_id_idx').on(table.reportId),
    // The reports each destination was sent: the desks' reminders look up theirs (desk/reminders.ts).
    index('deliveries_destination_idx').on(table.destination, table.reportId).where(sql`${table.kind} = 'report'`),
  ],
);

export const inboundEvents = pgTable(
  'inbound_events',
  {
    destination: text().notNull(),
    eventId: text().notNull(),
    receivedAt: timestamp().notNull(),
  },
  (table) => [uniqueIndex('inbound_events_destination_event_idx').on(table.destination, table.eventId)],
);

export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    resetAt: timestamp().notNull(),
  },
  (table) => [index('rate_limit_hits_reset_at_idx').on(table.resetAt)],
);

export const polls = pgTable(
  'polls',
  {
    id: text().primaryKey(),
    institutionId: text()
      .notNull()
      .references(() => institutions.id),
    regionCode: text(),
    question: text().notNull(),
    explanation: text().notNull(),
    kind: text({ enum: POLL_KINDS }).notNull(),
    options: jsonb().$type<string[]>().notNull(),
    allowComment: boolean().notNull(),
    publishComments: boolean().notNull(),
    confirmByEmail: boolean().notNull().default(false),
    opensAt: timestamp().notNull(),
    closesAt: timestamp().notNull(),
    closedEarlyAt: timestamp(),
    results: jsonb().$type<StoredPollResults>(),
    countedAt: timestamp(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [index('polls_institution_id_idx').on(table.institutionId, table.closesAt)],
);

export const pollVotes = pgTable(
  'poll_votes',
  {
    id: id(),
    pollId: text()
      .notNull()
      .references(() => polls.id),
    deviceHash: text().notNull(),
    choice: integer().notNull(),
    comment: text(),
    changes: integer().notNull(),
    emailHash: text(),
    confirmed: boolean().notNull().default(true),
    confirmTokenHash: text(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex('poll_votes_device_idx').on(table.pollId, table.deviceHash),
    uniqueIndex('poll_votes_email_idx').on(table.pollId, table.emailHash),
    uniqueIndex('poll_votes_confirm_token_idx').on(table.confirmTokenHash),
    index('poll_votes_count_idx').on(table.pollId, table.confirmed, table.choice),
  ],
);

/**
 * Public monitoring: what each report contributes to the public list and the
 * figures, derived from the report and its timeline by monitor/facts.ts.
 * Every event marks its report `dirty` in the event's own transaction; the
 * projector (monitor/projector.ts) rewrites the row from the timeline and
 * moves the aggregates below by the difference, so the figures follow the
 * events without recounting the table.
 */
export const monitorReports = pgTable(
  'monitor_reports',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    dirty: boolean().notNull().default(true),
    /** Forwarded by the national workflow (or the destination's desk) at least once, and not confidential. */
    published: boolean().notNull().default(false),
    /** Its words are in the search index (monitor/search.ts): published, and indexed since the words' rules last changed. */
    indexed: boolean().notNull().default(false),
    trackingId: text().notNull(),
    kind: text({ enum: REPORT_KINDS }).notNull(),
    status: text({ enum: REPORT_STATUSES }).notNull(),
    /** The institution that holds the report now: our directory's id, or the name the national workflow gave. */
    holder: text().notNull(),
    categoryId: text(),
    regionCode: text(),
    /** The region's province (`73`) and regency or city (`73.71`), for filters and the map. */
    province: text(),
    regency: text(),
    /** Masked as in the public view; null unless published. */
    title: text(),
    excerpt: text(),
    receivedAt: timestamp().notNull(),
    /** When the report's newest event happened: what a feed's reader sees as its last change. */
    changedAt: timestamp().notNull(),
    /** The institution's month of receipt, `2026-11`: the figures' months are months of receipt. */
    month: text().notNull(),
    timeZone: text().notNull(),
    forwardedAt: timestamp(),
    /** Working days from the first forwarding to the first follow-up. */
    responseDays: integer(),
    finished: boolean().notNull().default(false),
    finishedInTime: boolean().notNull().default(false),
    /** The deadline running now (forwarding or follow-up), and resolution's; the institution's dates. */
    deadlineKind: text({ enum: ['forward', 'follow_up', 'auto_close'] }),
    deadlineDue: text(),
    resolutionDue: text(),
    /** The first day the report is late (the day after its earliest deadline falls due), if one runs. */
    overdueFrom: text(),
  },
  (table) => [
    // Declared as the table's key: drizzle would take a SQLite integer column key as generated, and not ask for it.
    primaryKey({ columns: [table.reportId] }),
    index('monitor_reports_dirty_idx').on(table.reportId).where(sql`${table.dirty}`),
    index('monitor_reports_published_idx').on(table.reportId).where(sql`${table.published}`),
    index('monitor_reports_unindexed_idx').on(table.reportId).where(sql`${table.published} and not ${table.indexed}`),
    index('monitor_reports_holder_idx').on(table.holder, table.reportId).where(sql`${table.published}`),
    index('monitor_reports_province_idx').on(table.province, table.reportId).where(sql`${table.published}`),
    index('monitor_reports_regency_idx').on(table.regency, table.reportId).where(sql`${table.published}`),
    index('monitor_reports_category_idx').on(table.categoryId, table.reportId).where(sql`${table.published}`),
    // Open311's service requests, newest first within a window of time (open311/requests.ts).
    index('monitor_reports_received_idx').on(table.receivedAt, table.reportId).where(sql`${table.published}`),
    // Open311's updates: the reports changed since a window began, the latest first (open311/updates.ts).
    index('monitor_reports_changed_idx').on(table.changedAt, table.reportId).where(sql`${table.published}`),
  ],
);

/**
 * Figures by scope and month of receipt (and `all` for all time). A scope
 * is an institution or a category (or neither), and a place (a province or a
 * regency), each `''` for all; monitor/contributions.ts says which a report
 * counts in.
 */
export const monitorCounts = pgTable(
  'monitor_counts',
  {
    institution: text().notNull(),
    category: text().notNull(),
    region: text().notNull(),
    month: text().notNull(),
    received: integer().notNull().default(0),
    forwarded: integer().notNull().default(0),
    answered: integer().notNull().default(0),
    answeredInTime: integer().notNull().default(0),
    finished: integer().notNull().default(0),
    finishedInTime: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.institution, table.category, table.region, table.month] })],
);

/** How many reports of a scope and month had their first follow-up after so many working days (for medians). */
export const monitorResponseDays = pgTable(
  'monitor_response_days',
  {
    institution: text().notNull(),
    category: text().notNull(),
    region: text().notNull(),
    month: text().notNull(),
    days: integer().notNull(),
    reports: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.institution, table.category, table.region, table.month, table.days] })],
);

/** How many reports of a scope become late on each day, in each time zone: overdue now is a sum up to today. */
export const monitorOverdue = pgTable(
  'monitor_overdue',
  {
    institution: text().notNull(),
    category: text().notNull(),
    region: text().notNull(),
    timeZone: text().notNull(),
    day: text().notNull(),
    reports: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.institution, table.category, table.region, table.timeZone, table.day] })],
);

/**
 * One row: how many times the projector has moved public monitoring. Public
 * answers are kept per version (monitor/answers.ts), so no process serves a
 * figure from before another's latest pass.
 */
/**
 * People who follow a published report instead of filing it again ("ikut
 * memantau"): an email when it changes, once they confirmed from a link, until
 * they stop. No account: the address, sealed, is all that is kept.
 */
export const reportFollowers = pgTable(
  'report_followers',
  {
    id: id(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    /** The address, sealed with the data key (context: the report's Tracking ID). */
    email: text().notNull(),
    /** A keyed hash of the report and the address: one follower per address and report. */
    emailHash: text().notNull(),
    locale: text({ enum: ['id', 'en'] }).notNull(),
    confirmed: boolean().notNull().default(false),
    /** SHA-256 of the emailed link's token, until the link is followed. */
    confirmTokenHash: text(),
    createdAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex('report_followers_email_idx').on(table.reportId, table.emailHash),
    uniqueIndex('report_followers_confirm_token_idx').on(table.confirmTokenHash),
  ],
);

/**
 * How many indexed reports hold each word (stems, monitor/words.ts), and
 * under `''` how many reports are indexed: what makes a rare word count
 * for more than a common one when similar reports are ranked.
 */
export const monitorTerms = pgTable('monitor_terms', {
  term: text().primaryKey(),
  reports: integer().notNull().default(0),
});

export const monitorState = pgTable(
  'monitor_state',
  {
    id: integer().notNull(),
    version: integer().notNull().default(0),
  },
  // Declared as the table's key: drizzle would take a SQLite integer column key as generated, and not ask for it.
  (table) => [primaryKey({ columns: [table.id] })],
);

export const smsDrafts = pgTable(
  'sms_drafts',
  {
    gateway: text().notNull(),
    sender: text().notNull(),
    step: text({ enum: ['place', 'date'] }).notNull(),
    draft: text().notNull(),
    expiresAt: timestamp().notNull(),
  },
  (table) => [primaryKey({ columns: [table.gateway, table.sender] })],
);

export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: id(),
    key: text().notNull().unique(),
    gateway: text().notNull(),
    recipient: text(),
    text: text(),
    state: text({ enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp().notNull(),
    leaseUntil: timestamp(),
    lastError: text(),
    createdAt: timestamp().notNull(),
    sentAt: timestamp(),
  },
  (table) => [index('sms_outbox_due_idx').on(table.state, table.nextAttemptAt)],
);

export const deskLinkRevocations = pgTable(
  'desk_link_revocations',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    revokedAt: timestamp().notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId] })],
);

export const deskReminders = pgTable(
  'desk_reminders',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    kind: text().notNull(),
    due: text().notNull(),
    queuedAt: timestamp().notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.kind, table.due] })],
);
