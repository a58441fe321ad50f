import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The tables of the database this process opened. The hub's queries are
 * written once, against PostgreSQL's table types; SQLite's tables have the
 * same names, columns and row types (schema-drift.test.ts fails when they
 * part), so the same queries run on either. A hub process opens one
 * database, so it speaks one dialect: opening the database binds these.
 */
type Tables = typeof pg;

const tablesOf = (dialect: Dialect): Tables => (dialect === 'postgres' ? pg : (sqlite as unknown as Tables));

let bound: Dialect | undefined;

export let {
  institutions,
  categories,
  sites,
  reports,
  reportEvents,
  attachments,
  idempotencyKeys,
  spentChallenges,
  deliveries,
  inboundEvents,
  rateLimitHits,
} = tablesOf('sqlite');

/** Called as the database opens; a second dialect in the same process is refused rather than mixed. */
export function bindTables(dialect: Dialect): Tables {
  if (bound && bound !== dialect) {
    throw new Error(`this process already uses ${bound}; one hub process opens one kind of database`);
  }
  bound = dialect;
  ({
    institutions,
    categories,
    sites,
    reports,
    reportEvents,
    attachments,
    idempotencyKeys,
    spentChallenges,
    deliveries,
    inboundEvents,
    rateLimitHits,
  } = tablesOf(dialect));
  return tablesOf(dialect);
}

export type Report = typeof pg.reports.$inferSelect;
export type ReportEvent = typeof pg.reportEvents.$inferSelect;
export type Attachment = typeof pg.attachments.$inferSelect;
export type Site = typeof pg.sites.$inferSelect;
export type Delivery = typeof pg.deliveries.$inferSelect;
