import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The hub's tables, as its queries see them. A database handle carries the
 * tables of its own dialect (`db.$tables`, client.ts); nothing else holds
 * them, so which database a query runs on is always the handle's business.
 *
 * The queries are written once, against PostgreSQL's table types. SQLite's
 * tables have the same names, columns, keys and row types
 * (schema-drift.test.ts fails when they part), so the same queries run on
 * either. Drizzle has no dialect-neutral table type, so SQLite's tables are
 * presented under PostgreSQL's types here, in this one place.
 */
export type Tables = typeof pg;

export function tablesOf(dialect: Dialect): Tables {
  return dialect === 'postgres' ? pg : sqliteTables;
}

const sqliteTables = sqlite as unknown as Tables;

export type Report = typeof pg.reports.$inferSelect;
export type ReportEvent = typeof pg.reportEvents.$inferSelect;
export type Attachment = typeof pg.attachments.$inferSelect;
export type Site = typeof pg.sites.$inferSelect;
export type Delivery = typeof pg.deliveries.$inferSelect;
export type Poll = typeof pg.polls.$inferSelect;
export type PollVote = typeof pg.pollVotes.$inferSelect;
export type MonitorRow = typeof pg.monitorReports.$inferSelect;
export type SmsMessage = typeof pg.smsOutbox.$inferSelect;
