import { asc, type Column, eq, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client';
import type { MonitorRow, ReportEvent } from '../db/schema';
import { type Clock, realClock } from '../workflow/clock';
import { AggregateChanges, COUNTERS, split } from './contributions';
import { type FactsDeps, monitorFacts, publicText } from './facts';
import { indexForSearch } from './search';

/** A row the projector has not yet derived (filed, or from before public monitoring) has no month. */
export const NEVER_DERIVED = '';

/**
 * Marks a report for the projector, in the transaction that records its
 * event. On PostgreSQL the update also holds the row until that transaction
 * ends, so a projector deriving the report meanwhile (which holds it too)
 * either finishes first, and the mark stays for its next pass, or waits.
 */
export async function markForMonitor(tx: Db | Tx, reportId: number): Promise<void> {
  const { monitorReports } = tx.$tables;
  await tx.update(monitorReports).set({ dirty: true }).where(eq(monitorReports.reportId, reportId));
}

/**
 * One pass: derives up to `batch` marked reports' monitor rows from their
 * timelines and moves the aggregates by the difference, all in one
 * transaction, so the figures always equal what the rows say. Several
 * processes may run it at once on PostgreSQL: each takes rows the others
 * have not locked. Returns how many reports it derived.
 */
export async function projectMarked(deps: FactsDeps & { db: Db }, now: Date, batch = 500): Promise<number> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const { monitorReports, reports, reportEvents } = tx.$tables;
    const marked = tx
      .select()
      .from(monitorReports)
      .where(sql`${monitorReports.dirty}`)
      .orderBy(asc(monitorReports.reportId))
      .limit(batch);
    const rows: MonitorRow[] = await (db.$dialect === 'postgres' ? marked.for('update', { skipLocked: true }) : marked);
    if (!rows.length) return 0;
    const ids = rows.map((row) => row.reportId);
    const [found, events] = await Promise.all([
      tx.select().from(reports).where(inArray(reports.id, ids)),
      tx
        .select()
        .from(reportEvents)
        .where(inArray(reportEvents.reportId, ids))
        .orderBy(asc(reportEvents.reportId), asc(reportEvents.id)),
    ]);
    const byReport = new Map<number, ReportEvent[]>();
    for (const event of events) {
      const timeline = byReport.get(event.reportId);
      if (timeline) timeline.push(event);
      else byReport.set(event.reportId, [event]);
    }
    const reportsById = new Map(found.map((report) => [report.id, report]));
    const changes = new AggregateChanges();
    for (const row of rows) {
      const report = reportsById.get(row.reportId);
      if (!report) continue;
      const facts = monitorFacts(deps, report, byReport.get(row.reportId) ?? [], now);
      if (facts.published && !row.published) {
        const text = publicText(deps.keyring, report);
        await indexForSearch(db, tx, row.reportId, text.title, text.body);
      }
      if (row.month !== NEVER_DERIVED) changes.add(row, -1);
      changes.add(facts, 1);
      await tx
        .update(monitorReports)
        .set({ ...facts, dirty: false })
        .where(eq(monitorReports.reportId, row.reportId));
    }
    await writeChanges(tx, changes);
    return rows.length;
  });
}

/** Statements per multi-row upsert: well under both databases' limits on bound values. */
const CHUNK = 400;

/** Moves the aggregates by `changes`, in the caller's transaction. */
export async function writeChanges(tx: Tx, changes: AggregateChanges): Promise<void> {
  const { monitorCounts, monitorResponseDays, monitorOverdue } = tx.$tables;
  const counts = [...changes.counts]
    .filter(([, counted]) => COUNTERS.some((counter) => counted[counter] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, counted]) => {
      const [institution = '', category = '', region = '', month = ''] = split(key);
      return { institution, category, region, month, ...counted };
    });
  for (const chunk of chunks(counts)) {
    await tx
      .insert(monitorCounts)
      .values(chunk)
      .onConflictDoUpdate({
        target: [monitorCounts.institution, monitorCounts.category, monitorCounts.region, monitorCounts.month],
        set: Object.fromEntries(COUNTERS.map((counter) => [counter, added(monitorCounts[counter])])),
      });
  }
  const days = sortedChanges(changes.responseDays).map(([key, reports]) => {
    const [institution = '', category = '', region = '', month = '', days = '0'] = split(key);
    return { institution, category, region, month, days: Number(days), reports };
  });
  for (const chunk of chunks(days)) {
    await tx
      .insert(monitorResponseDays)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          monitorResponseDays.institution,
          monitorResponseDays.category,
          monitorResponseDays.region,
          monitorResponseDays.month,
          monitorResponseDays.days,
        ],
        set: { reports: added(monitorResponseDays.reports) },
      });
  }
  const overdue = sortedChanges(changes.overdue).map(([key, reports]) => {
    const [institution = '', category = '', region = '', timeZone = '', day = ''] = split(key);
    return { institution, category, region, timeZone, day, reports };
  });
  for (const chunk of chunks(overdue)) {
    await tx
      .insert(monitorOverdue)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          monitorOverdue.institution,
          monitorOverdue.category,
          monitorOverdue.region,
          monitorOverdue.timeZone,
          monitorOverdue.day,
        ],
        set: { reports: added(monitorOverdue.reports) },
      });
  }
}

/** The stored value plus the one the insert brought (`excluded`, in both databases' upserts). */
function added(column: Column): SQL {
  // The stored value qualified (PostgreSQL finds a bare name ambiguous between the table and `excluded`), and
  // `excluded`'s by the name in the database, which the tables give in camel case and the hub stores in snake case.
  const name = sql.identifier(toSnakeCase(column.name));
  return sql`${sql.identifier(getTableName(column.table))}.${name} + excluded.${name}`;
}

/** Non-zero changes in key order: concurrent projectors lock aggregate rows in the same order, never crosswise. */
function sortedChanges(map: Map<string, number>): [string, number][] {
  return [...map].filter(([, change]) => change !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

export interface ProjectorOptions {
  /** How often to look for marked reports when the last pass found none left (default 1 s). */
  intervalMs: number;
  batch: number;
  clock: Clock;
  logger?: Logger;
}

/** Keeps public monitoring up to date: a pass every `intervalMs`, and at once again while a backlog lasts. */
export class MonitorProjector {
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<number>;
  private readonly options: ProjectorOptions;

  constructor(
    private readonly deps: FactsDeps & { db: Db },
    options: Partial<ProjectorOptions> = {},
  ) {
    this.options = { intervalMs: 1000, batch: 500, clock: realClock, ...options };
  }

  start(): void {
    const loop = async () => {
      const derived = await this.pass().catch((error) => {
        this.options.logger?.error({ err: error }, 'public monitoring: deriving reports failed');
        return 0;
      });
      this.timer = setTimeout(loop, derived === this.options.batch ? 0 : this.options.intervalMs);
      this.timer.unref?.();
    };
    void loop();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => 0);
  }

  /** One pass; returns how many reports it derived. */
  pass(): Promise<number> {
    this.running = projectMarked(this.deps, this.options.clock(), this.options.batch);
    return this.running;
  }

  /** Passes until no report is left marked (for the operator's tools and tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const derived = await this.pass();
      total += derived;
      if (derived < this.options.batch) return total;
    }
  }
}
