import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REPORT_CHANNELS, REPORT_KINDS, REPORT_STATUSES } from '../../../contract';
import { DELIVERY_KINDS, DELIVERY_STATES } from '../../../contract/deliveries';
import { POLL_KINDS } from '../../../contract/polls';
import type { StoredPollResults } from './poll-results';

const timestamp = () => integer({ mode: 'timestamp_ms' });

/** Public bodies a report can be addressed to: from the repo's data files, and any the operator imports. */
export const institutions = sqliteTable(
  'institutions',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    type: text({ enum: ['kementerian', 'lembaga', 'pemerintah-daerah', 'unit'] }).notNull(),
    parentId: text(),
    /** IANA zone for working days; null means WIB (Asia/Jakarta). */
    timeZone: text(),
    /** `builtin` rows follow hub/data/institutions.json; `import` rows came from `institution import`. */
    source: text({ enum: ['builtin', 'import'] }).notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [index('institutions_parent_id_idx').on(table.parentId)],
);

/** SP4N-LAPOR!'s report topics. */
export const categories = sqliteTable('categories', {
  id: text().primaryKey(),
  name: text().notNull(),
});

/**
 * Websites that embed the widget: the origins allowed to call the hub from a
 * browser, and the presets the widget gets from the site's public key.
 */
export const sites = sqliteTable('sites', {
  key: text().primaryKey(),
  name: text().notNull(),
  /** JSON array of origins such as `https://smksmakmks.sch.id`. */
  origins: text({ mode: 'json' }).$type<string[]>().notNull(),
  institutionId: text()
    .notNull()
    .references(() => institutions.id),
  categoryId: text().references(() => categories.id),
  lockInstitution: integer({ mode: 'boolean' }).notNull().default(false),
  createdAt: timestamp().notNull(),
});

/**
 * Programs that file reports through Open311 (open311/clients.ts): a city's
 * 311 app, an institution's own system. The operator issues each its API
 * key, shown once; the hub keeps its SHA-256 only.
 */
export const open311Clients = sqliteTable('open311_clients', {
  id: text().primaryKey(),
  name: text().notNull(),
  keyHash: text().notNull().unique(),
  /** Reports it files go to this institution or one under it, when set. */
  institutionId: text().references(() => institutions.id),
  createdAt: timestamp().notNull(),
  revokedAt: timestamp(),
});

export const reports = sqliteTable('reports', {
  id: integer().primaryKey({ autoIncrement: true }),
  trackingId: text().notNull().unique(),
  /** SHA-256 of the receipt: the receipt itself is shown once and never stored. */
  receiptHash: text().notNull(),
  kind: text({ enum: REPORT_KINDS }).notNull(),
  title: text().notNull(),
  body: text().notNull(),
  incidentDate: text().notNull(),
  locationText: text().notNull(),
  regionCode: text(),
  institutionId: text().notNull(),
  categoryId: text(),
  /** The embedding site the report came through, if any. */
  siteKey: text(),
  /** How it came: the form, an Open311 client, an SMS gateway, an email. */
  channel: text({ enum: REPORT_CHANNELS }).notNull().default('form'),
  /** Which client or gateway it came through, by its name, for a channel other than the form. */
  channelSource: text(),
  anonymous: integer({ mode: 'boolean' }).notNull(),
  confidential: integer({ mode: 'boolean' }).notNull(),
  reporterName: text(),
  reporterEmail: text(),
  reporterPhone: text(),
  status: text({ enum: REPORT_STATUSES }).notNull(),
  /** The language the reporter filed in, for the emails they get. */
  locale: text({ enum: ['id', 'en'] })
    .notNull()
    .default('id'),
  /** Whether a reporter who left an email wants news of the report (one click turns it off). */
  notify: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: timestamp().notNull(),
  updatedAt: timestamp().notNull(),
});

export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    at: timestamp().notNull(),
    type: text({ enum: ['status', 'message', 'rating', 'duplicate'] }).notNull(),
    actor: text({ enum: ['reporter', 'hub', 'national', 'institution'] }).notNull(),
    status: text({ enum: REPORT_STATUSES }),
    note: text(),
    /**
     * For a forwarding: the institution that holds the report from then on,
     * by our directory's id, or by the name the national workflow gave when
     * it is outside our directory ("no wrong door": it may not be the one the
     * reporter chose).
     */
    institution: text(),
    /** A reporter's rating of the follow-up, 1 to 5. */
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

/** Files a reporter attached, stored outside the database under `storageKey`. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The id in URLs: random, so one report's attachments do not reveal another's. */
    publicId: text().notNull().unique(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    fileName: text().notNull(),
    /** Found in the file's bytes, never taken from the client. */
    mediaType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    /** For a confidential report's file, stored encrypted: the key id, nonce and tag (`enc1.id.iv.tag`). */
    envelope: text(),
    createdAt: timestamp().notNull(),
  },
  (table) => [index('attachments_report_id_idx').on(table.reportId)],
);

/**
 * The answers to report submissions that carried an Idempotency-Key, so a
 * retry gets the same answer. Both the key's hash and the sealed answer are
 * derived from the client's key: the table alone reveals no receipt.
 */
export const idempotencyKeys = sqliteTable(
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

/**
 * Proof-of-work solutions already used, kept until their challenge expires,
 * so a solution buys one report only, across every hub process.
 */
export const spentChallenges = sqliteTable(
  'spent_challenges',
  {
    signature: text().primaryKey(),
    expiresAt: timestamp().notNull(),
  },
  (table) => [index('spent_challenges_expires_at_idx').on(table.expiresAt)],
);

/**
 * The outbox: one row per delivery of a report (or, later, a reporter's
 * action) to its destination, written in the same transaction as what it
 * delivers, so nothing accepted is ever left undelivered.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    destination: text().notNull(),
    /** The report itself, or a reporter's action on it, passed on the same way. */
    kind: text({ enum: DELIVERY_KINDS }).notNull(),
    /** For an action: the timeline event it passes on. */
    eventId: integer().references(() => reportEvents.id),
    /** Sent with every attempt, so the destination can recognise a repeat. */
    idempotencyKey: text().notNull().unique(),
    state: text({ enum: DELIVERY_STATES }).notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp().notNull(),
    /** A worker's claim on the delivery; another may take it over once this has passed. */
    leaseUntil: timestamp(),
    lastError: text(),
    /** The destination's own reference, e.g. SP4N-LAPOR!'s tracking number. */
    externalRef: text(),
    /** For a destination that is polled for progress: where the last poll left off, and when to poll next. */
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

/** Events that destinations sent back, by their own id, so a replay is recognised. */
export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    destination: text().notNull(),
    eventId: text().notNull(),
    receivedAt: timestamp().notNull(),
  },
  (table) => [uniqueIndex('inbound_events_destination_event_idx').on(table.destination, table.eventId)],
);

/**
 * Rate-limit counters shared by every hub process on the database (used on
 * PostgreSQL; a single SQLite hub counts in memory): hits per key until the
 * window resets.
 */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    resetAt: timestamp().notNull(),
  },
  (table) => [index('rate_limit_hits_reset_at_idx').on(table.resetAt)],
);

/**
 * Policy polls (opini kebijakan) an institution puts to its public. Counts
 * are not kept while a poll is open: `results` is written once, when the
 * votes are first counted after it closes, and never changes after.
 */
export const polls = sqliteTable(
  'polls',
  {
    /** Public and unguessable, so polls not yet published cannot be found by counting. */
    id: text().primaryKey(),
    institutionId: text()
      .notNull()
      .references(() => institutions.id),
    regionCode: text(),
    question: text().notNull(),
    explanation: text().notNull(),
    kind: text({ enum: POLL_KINDS }).notNull(),
    /** JSON array of a choice poll's options; empty for a scale poll. */
    options: text({ mode: 'json' }).$type<string[]>().notNull(),
    allowComment: integer({ mode: 'boolean' }).notNull(),
    publishComments: integer({ mode: 'boolean' }).notNull(),
    /** A vote counts only once its voter confirms it from a link sent to an email address. */
    confirmByEmail: integer({ mode: 'boolean' }).notNull().default(false),
    opensAt: timestamp().notNull(),
    closesAt: timestamp().notNull(),
    /** Set when the operator closed the poll before its time. */
    closedEarlyAt: timestamp(),
    /** The counts, as JSON `{votes, counts, comments}`, written once when the closed poll is first counted. */
    results: text({ mode: 'json' }).$type<StoredPollResults>(),
    countedAt: timestamp(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [index('polls_institution_id_idx').on(table.institutionId, table.closesAt)],
);

/**
 * One vote per device per poll: the device is known only by a keyed hash of
 * its token and the poll (so one device's votes in two polls cannot be
 * linked), and a vote may change until the poll closes. A comment is sealed
 * like a report's personal data.
 */
export const pollVotes = sqliteTable(
  'poll_votes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pollId: text()
      .notNull()
      .references(() => polls.id),
    deviceHash: text().notNull(),
    choice: integer().notNull(),
    comment: text(),
    /** How many times the device changed its vote. */
    changes: integer().notNull(),
    /** Where the poll asks for it: a keyed hash of the voter's email address (the address itself is never stored). */
    emailHash: text(),
    /** Counted: at once, or once confirmed from the emailed link. */
    confirmed: integer({ mode: 'boolean' }).notNull().default(true),
    /** SHA-256 of the emailed link's token, until the vote is confirmed. */
    confirmTokenHash: text(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (table) => [
    uniqueIndex('poll_votes_device_idx').on(table.pollId, table.deviceHash),
    // One email address, one vote in a poll that asks for one.
    uniqueIndex('poll_votes_email_idx').on(table.pollId, table.emailHash),
    uniqueIndex('poll_votes_confirm_token_idx').on(table.confirmTokenHash),
    // Counting a closed poll reads this index alone.
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
export const monitorReports = sqliteTable(
  'monitor_reports',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    dirty: integer({ mode: 'boolean' }).notNull().default(true),
    /** Forwarded by the national workflow (or the destination's desk) at least once, and not confidential. */
    published: integer({ mode: 'boolean' }).notNull().default(false),
    /** Its words are in the search index (monitor/search.ts): published, and indexed since the words' rules last changed. */
    indexed: integer({ mode: 'boolean' }).notNull().default(false),
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
    finished: integer({ mode: 'boolean' }).notNull().default(false),
    finishedInTime: integer({ mode: 'boolean' }).notNull().default(false),
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
export const monitorCounts = sqliteTable(
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
export const monitorResponseDays = sqliteTable(
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
export const monitorOverdue = sqliteTable(
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
export const reportFollowers = sqliteTable(
  'report_followers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    /** The address, sealed with the data key (context: the report's Tracking ID). */
    email: text().notNull(),
    /** A keyed hash of the report and the address: one follower per address and report. */
    emailHash: text().notNull(),
    locale: text({ enum: ['id', 'en'] }).notNull(),
    confirmed: integer({ mode: 'boolean' }).notNull().default(false),
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
export const monitorTerms = sqliteTable('monitor_terms', {
  term: text().primaryKey(),
  reports: integer().notNull().default(0),
});

export const monitorState = sqliteTable(
  'monitor_state',
  {
    id: integer().notNull(),
    version: integer().notNull().default(0),
  },
  // Declared as the table's key: drizzle would take a SQLite integer column key as generated, and not ask for it.
  (table) => [primaryKey({ columns: [table.id] })],
);

/**
 * A report being written by SMS, between the hub's questions (where, when):
 * one per sender and gateway. What was written is sealed; the sender is a
 * keyed hash of the number. A draft is dropped once filed, cancelled or
 * past `expiresAt`.
 */
export const smsDrafts = sqliteTable(
  'sms_drafts',
  {
    gateway: text().notNull(),
    sender: text().notNull(),
    /** What the hub asked last: the place, then the date. */
    step: text({ enum: ['place', 'date'] }).notNull(),
    /** The draft so far, sealed (context: gateway and sender). */
    draft: text().notNull(),
    expiresAt: timestamp().notNull(),
  },
  (table) => [primaryKey({ columns: [table.gateway, table.sender] })],
);

/**
 * SMS the hub sends through a gateway: answers to the messages it took in,
 * queued in the transaction that decided them, sent and retried like the
 * outbox. The number and text are sealed, and cleared once sent.
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Sent with the message to gateways that take one, and the context the number and text are sealed to. */
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

/**
 * The operator's revocation of a report's desk links (desk/links.ts): a
 * link issued before `revokedAt` no longer opens the desk page. Links are
 * signed, not stored; issuing a new one after a revocation works again.
 */
export const deskLinkRevocations = sqliteTable(
  'desk_link_revocations',
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    revokedAt: timestamp().notNull(),
  },
  // Declared as the table's key: drizzle would take a SQLite integer column key as generated, and not ask for it.
  (table) => [primaryKey({ columns: [table.reportId] })],
);

/**
 * Reminders to an institution's desk before a deadline falls due
 * (desk/reminders.ts), once per report, deadline and day: queued with an
 * outbox delivery, and read by it when the email goes out.
 */
export const deskReminders = sqliteTable(
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
