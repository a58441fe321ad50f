import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client';
import { added, placeholdersFor, prepared } from '../db/prepared';
import type { MonitorRow, Report, ReportEvent } from '../db/schema';
import { localDate } from '../workflow/calendar';
import { type Clock, realClock } from '../workflow/clock';
import { nextVersion } from './answers';
import { AggregateChanges, COUNTERS, split } from './contributions';
import { type FactsDeps, monitorFacts, publicText } from './facts';
import { indexForSearch, moveInIndex, tidySearchIndex } from './search';

/** A row the projector has not yet derived (filed, or from before public monitoring) has no month. */
export const NEVER_DERIVED = '';

/**
 * Marks a report for the projector, in the transaction that records its
 * event. On PostgreSQL the update also holds the row until that transaction
 * ends, so a projector deriving the report meanwhile (which holds it too)
 * either finishes first, and the mark stays for its next pass, or waits.
 */
export async function markForMonitor(tx: Db | Tx, reportId: number): Promise<void> {
  await markRow(tx).execute({ reportId });
}
const markRow = prepared('mark_monitor_row', (db) => {
  const { monitorReports } = db.$tables;
  return db
    .update(monitorReports)
    .set({ dirty: true })
    .where(eq(monitorReports.reportId, sql.placeholder('reportId')));
});

/**
 * Every column of a monitor row, as a placeholder of its own name: drizzle
 * building the update each time cost more than the rest of a report's pass.
 * The one timestamp that may be null goes in as the driver's own value
 * (drizzle's encoding of a placeholder does not take a null).
 */
const updateRow = prepared('update_monitor_row', (db) => {
  const { monitorReports } = db.$tables;
  // Whether a report is in the search index is the index's to say (search.ts), not its facts'.
  const { reportId: _key, forwardedAt: _raw, indexed: _indexed, ...columns } = getTableColumns(monitorReports);
  return db
    .update(monitorReports)
    .set({
      ...placeholdersFor<MonitorRow>(Object.keys(columns) as (keyof MonitorRow & string)[]),
      forwardedAt: sql`${sql.placeholder('forwardedAt')}`,
    })
    .where(eq(monitorReports.reportId, sql.placeholder('reportId')));
});

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
    const { monitorReports } = tx.$tables;
    const marked = tx
      .select()
      .from(monitorReports)
      .where(sql`${monitorReports.dirty}`)
      .orderBy(asc(monitorReports.reportId))
      .limit(batch);
    const rows: MonitorRow[] = await (db.$dialect === 'postgres' ? marked.for('update', { skipLocked: true }) : marked);
    const loaded = rows.length ? await deriveRows(deps, tx, rows, now) : new Map<number, Report>();
    // Also when nothing was marked: the index may wait for reports (after a change of the words' rules).
    const indexed = await indexPublished(deps, tx, batch, loaded);
    if (rows.length || indexed) await nextVersion(tx);
    return Math.max(rows.length, indexed);
  });
}

/** Derives the rows from their reports' timelines and moves the aggregates; returns the reports it read. */
async function deriveRows(
  deps: FactsDeps & { db: Db },
  tx: Tx,
  rows: MonitorRow[],
  now: Date,
): Promise<Map<number, Report>> {
  const { db } = deps;
  const { reports, reportEvents } = tx.$tables;
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
    if (row.indexed && facts.holder !== row.holder) {
      await moveInIndex(db, tx, { reportId: row.reportId, holder: facts.holder, ...publicText(deps.keyring, report) });
    }
    if (row.month !== NEVER_DERIVED) changes.add(row, -1);
    changes.add(facts, 1);
    const forwardedAt =
      facts.forwardedAt && (db.$dialect === 'sqlite' ? facts.forwardedAt.getTime() : facts.forwardedAt);
    await updateRow(tx).execute({ ...facts, forwardedAt, dirty: false, reportId: row.reportId });
  }
  await writeChanges(db, tx, changes);
  return reportsById;
}

/**
 * Indexes up to `batch` published reports not yet in the search index: the
 * ones this pass published, and after a change of the words' rules (a
 * migration empties the index) every published report, a batch a pass.
 */
async function indexPublished(
  deps: FactsDeps & { db: Db },
  tx: Tx,
  batch: number,
  loaded: Map<number, Report>,
): Promise<number> {
  const { monitorReports, reports } = tx.$tables;
  const waiting = tx
    .select({ reportId: monitorReports.reportId, holder: monitorReports.holder })
    .from(monitorReports)
    .where(sql`${monitorReports.published} and not ${monitorReports.indexed}`)
    .orderBy(asc(monitorReports.reportId))
    .limit(batch);
  const found = await (deps.db.$dialect === 'postgres' ? waiting.for('update', { skipLocked: true }) : waiting);
  if (!found.length) return 0;
  const ids = found.map((row) => row.reportId);
  const missing = ids.filter((id) => !loaded.has(id));
  const more = missing.length ? await tx.select().from(reports).where(inArray(reports.id, missing)) : [];
  const byId = new Map([...loaded, ...more.map((report) => [report.id, report] as const)]);
  const texts = found.flatMap(({ reportId, holder }) => {
    const report = byId.get(reportId);
    return report ? [{ reportId, holder, ...publicText(deps.keyring, report) }] : [];
  });
  await indexForSearch(deps.db, tx, texts);
  return ids.length;
}

/** Rows per multi-row upsert on PostgreSQL: well under its limit on bound values. */
const CHUNK = 400;

type Tables = Tx['$tables'];
type CountRow = Tables['monitorCounts']['$inferInsert'];
type DaysRow = Tables['monitorResponseDays']['$inferInsert'];
type OverdueRow = Tables['monitorOverdue']['$inferInsert'];

/** Each aggregate's upsert: the rows inserted, or added to those already there. */
const UPSERTS = {
  counts: (db: Db | Tx, rows: CountRow[]) => {
    const { monitorCounts: t } = db.$tables;
    return db
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.institution, t.category, t.region, t.month],
        set: Object.fromEntries(COUNTERS.map((counter) => [counter, added(t[counter])])),
      });
  },
  days: (db: Db | Tx, rows: DaysRow[]) => {
    const { monitorResponseDays: t } = db.$tables;
    return db
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.institution, t.category, t.region, t.month, t.days],
        set: { reports: added(t.reports) },
      });
  },
  overdue: (db: Db | Tx, rows: OverdueRow[]) => {
    const { monitorOverdue: t } = db.$tables;
    return db
      .insert(t)
      .values(rows)
      .onConflictDoUpdate({
        target: [t.institution, t.category, t.region, t.timeZone, t.day],
        set: { reports: added(t.reports) },
      });
  },
};

/** A row of placeholders, each named for its column. */
const placeholders = <Row>(names: readonly (keyof Row & string)[]) => [placeholdersFor<Row>(names)] as Row[];
const SCOPE = ['institution', 'category', 'region'] as const;

// On SQLite one prepared statement per row costs a few microseconds, where drizzle building a multi-row
// statement took most of a pass; PostgreSQL is a round trip away, so there a few multi-row statements do.
const PREPARED = {
  counts: prepared('upsert_monitor_counts', (db) =>
    UPSERTS.counts(db, placeholders<CountRow>([...SCOPE, 'month', ...COUNTERS])),
  ),
  days: prepared('upsert_monitor_response_days', (db) =>
    UPSERTS.days(db, placeholders<DaysRow>([...SCOPE, 'month', 'days', 'reports'])),
  ),
  overdue: prepared('upsert_monitor_overdue', (db) =>
    UPSERTS.overdue(db, placeholders<OverdueRow>([...SCOPE, 'timeZone', 'day', 'reports'])),
  ),
};

async function upsert<K extends keyof typeof UPSERTS>(
  dialect: Db['$dialect'],
  tx: Tx,
  kind: K,
  rows: Parameters<(typeof UPSERTS)[K]>[1],
): Promise<void> {
  if (dialect === 'sqlite') {
    const statement = PREPARED[kind](tx);
    for (const row of rows) await statement.execute(row as Record<string, unknown>);
    return;
  }
  for (const chunk of chunks(rows as unknown[]))
    await (UPSERTS[kind] as (db: Tx, rows: unknown[]) => Promise<unknown>)(tx, chunk);
}

/** Moves the aggregates by `changes`, in the transaction `tx` on `db`. */
export async function writeChanges(db: Db, tx: Tx, changes: AggregateChanges): Promise<void> {
  const counts = [...changes.counts]
    .filter(([, counted]) => COUNTERS.some((counter) => counted[counter] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, counted]) => {
      const [institution = '', category = '', region = '', month = ''] = split(key);
      return { institution, category, region, month, ...counted };
    });
  await upsert(db.$dialect, tx, 'counts', counts);
  const days = sortedChanges(changes.responseDays).map(([key, reports]) => {
    const [institution = '', category = '', region = '', month = '', days = '0'] = split(key);
    return { institution, category, region, month, days: Number(days), reports };
  });
  await upsert(db.$dialect, tx, 'days', days);
  const overdue = sortedChanges(changes.overdue).map(([key, reports]) => {
    const [institution = '', category = '', region = '', timeZone = '', day = ''] = split(key);
    return { institution, category, region, timeZone, day, reports };
  });
  await upsert(db.$dialect, tx, 'overdue', overdue);
}

/** Non-zero changes in key order: concurrent projectors lock aggregate rows in the same order, never crosswise. */
function sortedChanges(map: Map<string, number>): [string, number][] {
  return [...map].filter(([, change]) => change !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += CHUNK) yield items.slice(start, start + CHUNK);
}

/** The search index is tidied once a day in Jakarta's quiet hours, 02:00 to 06:00 (not at all by a hub down then). */
const TIDY_HOURS = [2, 6] as const;
const TIDY_ZONE = 'Asia/Jakarta';
const hourIn = (instant: Date, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(instant));

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
  private running?: Promise<unknown>;
  private readonly options: ProjectorOptions;
  /** The day (in Jakarta) the search index was last tidied whole. */
  private tidiedOn?: string;

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
      const busy = derived === this.options.batch;
      // Between passes while nothing waits: the next step of the day's tidying, if it is due.
      const tidying = !busy && (await this.tidy());
      this.timer = setTimeout(loop, busy || tidying ? 0 : this.options.intervalMs);
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
    const running = projectMarked(this.deps, this.options.clock(), this.options.batch);
    this.running = running;
    return running;
  }

  /**
   * A step of tidying the search index (search.ts) when the day's is due;
   * returns whether more remains. A failure is logged and tried again the
   * next day: the index works untidied, only slower.
   */
  async tidy(): Promise<boolean> {
    const now = this.options.clock();
    const today = localDate(now, TIDY_ZONE);
    const hour = hourIn(now, TIDY_ZONE);
    if (this.tidiedOn === today || hour < TIDY_HOURS[0] || hour >= TIDY_HOURS[1]) return false;
    const step = tidySearchIndex(this.deps.db);
    this.running = step;
    const more = await step.catch((error) => {
      this.options.logger?.error({ err: error }, 'public monitoring: tidying the search index failed');
      return false;
    });
    if (!more) this.tidiedOn = today;
    return more;
  }
}
