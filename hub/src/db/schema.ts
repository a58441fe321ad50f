import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { REPORT_KINDS, REPORT_STATUSES } from '../../../contract';

const timestamp = () => integer({ mode: 'timestamp_ms' });

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
  anonymous: integer({ mode: 'boolean' }).notNull(),
  confidential: integer({ mode: 'boolean' }).notNull(),
  reporterName: text(),
  reporterEmail: text(),
  reporterPhone: text(),
  status: text({ enum: REPORT_STATUSES }).notNull(),
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
    type: text({ enum: ['status', 'message'] }).notNull(),
    actor: text({ enum: ['reporter', 'hub', 'national', 'institution'] }).notNull(),
    status: text({ enum: REPORT_STATUSES }),
    note: text(),
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

export type Report = typeof reports.$inferSelect;
export type ReportEvent = typeof reportEvents.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
