import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Deadline, ReportKind, ReportStatus } from '../../../contract';
import { MONITOR_LIMITS, type PublicReport, type PublicReportPage } from '../../../contract/monitor';
import type { Db } from '../db/client';
import type { MonitorRow } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import type { Regions } from '../regions/regions';
import { localDate, type WorkingCalendar } from '../workflow/calendar';
import { deadlineOn } from '../workflow/deadlines';
import { matching } from './search';

/** What narrows the published reports: the institution holding them, a place, a category, a kind, a status. */
export interface PublicFilters {
  institution?: string;
  /** A province (`73`) or a regency or city (`73.71`). */
  region?: string;
  category?: string;
  kind?: ReportKind;
  status?: ReportStatus;
  /** Words the masked title or text holds (each as the start of a word). */
  q?: string;
}

export interface PublicListQuery extends PublicFilters {
  cursor?: string;
  limit?: number;
}

export interface ListDeps {
  db: Db;
  directory: Pick<Directory, 'institution' | 'category'>;
  regions: Pick<Regions, 'find'>;
  calendar: WorkingCalendar;
}

/** Where a page ends: the last report's id. Ids grow with receipt, so the newest have the highest. */
interface Position {
  reportId: number;
}

/**
 * Published reports, newest first, a page at a time: only rows the
 * projector marked published (forwarded, not confidential), with the masked
 * title and excerpt it stored; never the reporter. The cursor is the last
 * report's id, so pages hold however the table grows.
 */
export async function publicReports(deps: ListDeps, query: PublicListQuery, now: Date): Promise<PublicReportPage> {
  const limit = Math.min(query.limit ?? 20, MONITOR_LIMITS.page);
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor);
  const { rows, last } = await publishedRows(deps.db, query, limit, after);
  return {
    items: rows.map((row) => publicReport(deps, row, now)),
    ...(last && { next: writeCursor(last) }),
  };
}

/** Up to `limit` published rows after `after`, and the last of them when more follow. */
export async function publishedRows(
  db: Db,
  filters: PublicFilters,
  limit: number,
  after?: Position,
): Promise<{ rows: MonitorRow[]; last?: Position }> {
  const { monitorReports: m } = db.$tables;
  const region =
    filters.region && (filters.region.length === 2 ? eq(m.province, filters.region) : eq(m.regency, filters.region));
  const conditions: (SQL | undefined)[] = [
    // The same term as the indexes' condition, which is what lets the database use them.
    sql`${m.published}`,
    filters.institution === undefined ? undefined : eq(m.holder, filters.institution),
    region || undefined,
    filters.category === undefined ? undefined : eq(m.categoryId, filters.category),
    filters.kind === undefined ? undefined : eq(m.kind, filters.kind),
    filters.status === undefined ? undefined : eq(m.status, filters.status),
    filters.q === undefined ? undefined : matching(db, m.reportId, filters.q),
    after && lt(m.reportId, after.reportId),
  ];
  const found = await db
    .select()
    .from(m)
    .where(and(...conditions))
    .orderBy(desc(m.reportId))
    .limit(limit + 1);
  const rows = found.slice(0, limit);
  const last = found.length > limit ? rows.at(-1) : undefined;
  return { rows, ...(last && { last }) };
}

/** A published row as the public sees it, its deadlines counted to today. */
export function publicReport({ directory, regions, calendar }: ListDeps, row: MonitorRow, now: Date): PublicReport {
  const today = localDate(now, row.timeZone);
  const deadline = (kind: Deadline['kind'], due: string | null): Deadline | undefined =>
    due === null ? undefined : deadlineOn(calendar, kind, due, today);
  const category = row.categoryId ? directory.category(row.categoryId) : undefined;
  const region = row.regionCode ? regions.find(row.regionCode) : undefined;
  const running = row.deadlineKind ? deadline(row.deadlineKind, row.deadlineDue) : undefined;
  const resolution = deadline('resolution', row.resolutionDue);
  return {
    trackingId: row.trackingId,
    kind: row.kind,
    status: row.status,
    title: row.title ?? '',
    excerpt: row.excerpt ?? '',
    institution: { id: row.holder, name: directory.institution(row.holder)?.name ?? row.holder },
    ...(category && { category: { id: category.id, name: category.name } }),
    ...(region && { region: { code: region.code, name: region.name } }),
    receivedAt: row.receivedAt.toISOString(),
    forwardedAt: (row.forwardedAt ?? row.receivedAt).toISOString(),
    ...(running && { deadline: running }),
    ...(resolution && { resolution }),
  };
}

/** The last report's id, in base64url so that it reads as one opaque token. */
function writeCursor(row: Position): string {
  return Buffer.from(`r${row.reportId}`).toString('base64url');
}

function readCursor(cursor: string): Position {
  const match = /^r(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new DomainError('validation_failed', 'The cursor is not one this list gave');
  return { reportId: Number(match[1]) };
}
