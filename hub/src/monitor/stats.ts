import { and, asc, type Column, eq, gte, lt, lte, type SQL, sql, sum } from 'drizzle-orm';
import {
  MONITOR_LIMITS,
  type MonitorFigures,
  type MonitorPart,
  type MonitorScope,
  type MonitorStats,
} from '../../../contract/monitor';
import type { Db } from '../db/client';
import type { Regions } from '../regions/regions';
import { localDate } from '../workflow/calendar';
import { ALL_TIME, type Counts, type ScopeKey, zero } from './contributions';

export type PlaceGrouping = 'province' | 'regency';

/**
 * A scope's figures from the aggregates the projector keeps: a handful of
 * rows per month of the scope, however many reports it holds.
 */
export async function statsOf(
  { db, regions }: { db: Db; regions: Pick<Regions, 'find'> },
  scope: MonitorScope,
  now: Date,
  places?: PlaceGrouping,
): Promise<MonitorStats> {
  const key = scopeKey(scope);
  const [months, days, overdue] = await Promise.all([
    countsByMonth(db, key),
    responseDaysByMonth(db, key),
    overdueNow(db, key, now),
  ]);
  const daysOfMonth = groupHistograms(days.map((row) => ({ group: row.month, days: row.days, reports: row.reports })));
  const allTime = months.find((row) => row.month === ALL_TIME);
  const totals = figures(allTime ?? zero(), daysOfMonth.get(ALL_TIME) ?? new Map());
  const suppressed = totals.received < MONITOR_LIMITS.smallNumbers;
  const stats: MonitorStats = { scope, totals, overdue: overdue.get(key.region) ?? 0, suppressed, months: [] };
  if (suppressed) return places ? { ...stats, places: [] } : stats;

  stats.months = protect(
    months
      .filter((row) => row.month !== ALL_TIME)
      .map((row) => ({
        key: { month: row.month },
        figures: figures(row, daysOfMonth.get(row.month) ?? new Map()),
      })),
  );
  if (places) stats.places = await placesOf(db, regions, key, places, now);
  return stats;
}

type Key = ScopeKey;

const scopeKey = (scope: MonitorScope): Key => ({
  institution: scope.institution ?? '',
  category: scope.category ?? '',
  region: scope.region ?? '',
});

async function countsByMonth(db: Db, key: Key) {
  const { monitorCounts: counts } = db.$tables;
  return db
    .select()
    .from(counts)
    .where(
      and(eq(counts.institution, key.institution), eq(counts.category, key.category), eq(counts.region, key.region)),
    )
    .orderBy(asc(counts.month));
}

async function responseDaysByMonth(db: Db, key: Key) {
  const { monitorResponseDays: days } = db.$tables;
  return db
    .select({ month: days.month, days: days.days, reports: days.reports })
    .from(days)
    .where(and(eq(days.institution, key.institution), eq(days.category, key.category), eq(days.region, key.region)));
}

/**
 * Reports late today, by region (the scope's own, or each place): late from
 * the day after a deadline, each in its institution's time zone. Every zone's
 * today lies within a day of UTC's, so only those days are looked at closely.
 */
async function overdueNow(db: Db, key: Key, now: Date, regionsWithin?: SQL): Promise<Map<string, number>> {
  const { monitorOverdue: overdue } = db.$tables;
  const earliest = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const scope = and(
    eq(overdue.institution, key.institution),
    eq(overdue.category, key.category),
    regionsWithin ?? eq(overdue.region, key.region),
  );
  const [before, edge] = await Promise.all([
    db
      .select({ region: overdue.region, reports: total(overdue.reports) })
      .from(overdue)
      .where(and(scope, lt(overdue.day, earliest)))
      .groupBy(overdue.region),
    db
      .select({ region: overdue.region, timeZone: overdue.timeZone, day: overdue.day, reports: overdue.reports })
      .from(overdue)
      .where(and(scope, gte(overdue.day, earliest), lte(overdue.day, latest))),
  ]);
  const late = new Map<string, number>();
  for (const row of before) late.set(row.region, row.reports);
  for (const row of edge) {
    if (row.day <= localDate(now, row.timeZone)) late.set(row.region, (late.get(row.region) ?? 0) + row.reports);
  }
  return late;
}

async function placesOf(db: Db, regions: Pick<Regions, 'find'>, key: Key, grouping: PlaceGrouping, now: Date) {
  const { monitorCounts: counts, monitorResponseDays: days, monitorOverdue: overdue } = db.$tables;
  // Provinces have two-digit codes (`73`), regencies and cities `73.71`: those within the scope's province, a
  // range of the key so that the database reads only them.
  const within = (column: Column) =>
    grouping === 'province'
      ? sql`length(${column}) = 2`
      : and(gte(column, `${key.region}.`), lt(column, `${key.region}/`), sql`length(${column}) = 5`);
  const scope = (table: typeof counts | typeof days) =>
    and(
      eq(table.institution, key.institution),
      eq(table.category, key.category),
      within(table.region),
      eq(table.month, ALL_TIME),
    );
  const [rows, dayRows, late] = await Promise.all([
    db
      .select({
        region: counts.region,
        received: counts.received,
        forwarded: counts.forwarded,
        answered: counts.answered,
        answeredInTime: counts.answeredInTime,
        finished: counts.finished,
        finishedInTime: counts.finishedInTime,
      })
      .from(counts)
      .where(scope(counts))
      .orderBy(asc(counts.region)),
    db.select({ region: days.region, days: days.days, reports: days.reports }).from(days).where(scope(days)),
    overdueNow(db, key, now, within(overdue.region)),
  ]);
  const histograms = groupHistograms(
    dayRows.map((row) => ({ group: row.region, days: row.days, reports: row.reports })),
  );
  return protect(
    rows.map((row) => ({
      key: {
        region: { code: row.region, name: regions.find(row.region)?.name ?? row.region },
        overdue: late.get(row.region) ?? 0,
      },
      figures: figures(row, histograms.get(row.region) ?? new Map()),
    })),
  );
}

const total = (column: Column) => sum(column).mapWith(Number);

function groupHistograms(rows: { group: string; days: number; reports: number }[]): Map<string, Map<number, number>> {
  const byGroup = new Map<string, Map<number, number>>();
  for (const { group, days, reports } of rows) {
    const histogram = byGroup.get(group) ?? new Map<number, number>();
    histogram.set(days, (histogram.get(days) ?? 0) + reports);
    byGroup.set(group, histogram);
  }
  return byGroup;
}

/** The figures a scope's counters and its histogram of working days to the first follow-up give. */
export function figures(counts: Counts, responseDays: Map<number, number>): MonitorFigures {
  const share = (part: number) => (counts.forwarded ? part / counts.forwarded : null);
  return {
    received: counts.received,
    forwarded: counts.forwarded,
    answered: counts.answered,
    finished: counts.finished,
    answeredWithin5: share(counts.answeredInTime),
    finishedWithin60: share(counts.finishedInTime),
    medianDaysToResponse: median(responseDays),
  };
}

/** The median of a histogram (value → how many), the mean of the two middle values when their number is even. */
export function median(histogram: Map<number, number>): number | null {
  const values = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((all, [, count]) => all + count, 0);
  if (!total) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (seen >= position) return value;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return total % 2 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}

/**
 * A breakdown with small numbers protected: a part with fewer than 5
 * reports gives no figures; and when only one part is held back, the next
 * smallest is too, so that it cannot be found by taking the others from
 * the total.
 */
export function protect<Key extends object>(parts: { key: Key; figures: MonitorFigures }[]): MonitorPart<Key>[] {
  const small = new Set(parts.filter((part) => part.figures.received < MONITOR_LIMITS.smallNumbers));
  if (small.size === 1) {
    const next = parts.filter((part) => !small.has(part)).sort((a, b) => a.figures.received - b.figures.received)[0];
    if (next) small.add(next);
  }
  return parts.map((part) =>
    small.has(part)
      ? ({ ...part.key, suppressed: true } as MonitorPart<Key>)
      : ({ ...part.key, ...part.figures, suppressed: false } as MonitorPart<Key>),
  );
}
