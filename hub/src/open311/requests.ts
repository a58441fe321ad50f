import { and, type Column, desc, eq, gte, inArray, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { CLOSED_STATUSES, isClosed } from '../../../contract/status';
import type { Db } from '../db/client';
import type { MonitorRow } from '../db/schema';
import type { Directory } from '../directory/directory';
import { type ListDeps, publicReport } from '../monitor/list';
import { STATUS } from '../notifications/message';
import type { Open311Request } from './documents';

/** What GET requests answers at most: the specification's window of days and count. */
export const OPEN311_LIMITS = { windowDays: 90, requests: 1000 } as const;

const DAY = 86_400_000;

export interface RequestsQuery {
  /** Tracking IDs (`service_request_id`, comma-separated): when given, the other filters are not used. */
  ids?: string[];
  serviceCode?: string;
  /** An institution: the reports it holds and those held under it. */
  jurisdiction?: string;
  statuses?: ('open' | 'closed')[];
  start?: Date;
  end?: Date;
}

export interface RequestsDeps extends ListDeps {
  directory: ListDeps['directory'] & Pick<Directory, 'family'>;
}

/** A request the specification lets us refuse, said as its error document says it. */
export class Open311Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Published reports as service requests (public monitoring's reports: forwarded, never confidential, never a
 * reporter), the newest first: those named, or those received in the window (by default the 90 days to
 * `end`, at most 90 days), of a service, a jurisdiction and a status, 1,000 at most.
 */
export async function serviceRequests(deps: RequestsDeps, query: RequestsQuery, now: Date): Promise<Open311Request[]> {
  const { db } = deps;
  const { monitorReports: m, reports: r } = db.$tables;
  const conditions: (SQL | undefined)[] = [sql`${m.published}`];
  if (query.ids) {
    // By the reports' own index of Tracking IDs.
    const named = db
      .select({ id: r.id })
      .from(r)
      .where(inArray(r.trackingId, query.ids.slice(0, OPEN311_LIMITS.requests)));
    conditions.push(inArray(m.reportId, named));
  } else {
    const { start, end } = windowOf(query, now);
    conditions.push(gte(m.receivedAt, start), lte(m.receivedAt, end), ...scopeOf(deps, query));
    const statuses = new Set(query.statuses ?? []);
    if (statuses.size === 1) {
      conditions.push(
        statuses.has('closed') ? inArray(m.status, [...CLOSED_STATUSES]) : notInArray(m.status, [...CLOSED_STATUSES]),
      );
    }
  }
  const rows = await db
    .select()
    .from(m)
    .where(and(...conditions))
    .orderBy(desc(m.receivedAt), desc(m.reportId))
    .limit(OPEN311_LIMITS.requests);
  return rows.map((row) => serviceRequest(deps, row, now));
}

/**
 * A column SQLite should filter by, not walk an index of: given an
 * institution's or a category's index, its planner reads every one of its
 * reports and sorts them (2.5 s for a school's 140,000 at 1,000,000
 * reports), where walking the window's index newest first and skipping the
 * others' stops at the thousandth (90 ms). SQLite's unary plus is its way
 * to say so; PostgreSQL weighs the two itself.
 */
function unindexed(db: Db, column: Column): SQL {
  return db.$dialect === 'sqlite' ? sql`+${column}` : sql`${column}`;
}

/** The window asked for: by default the 90 days to `end` (or now), at most 90 days. */
export function windowOf(query: Pick<RequestsQuery, 'start' | 'end'>, now: Date): { start: Date; end: Date } {
  const end = query.end ?? now;
  const start = query.start ?? new Date(end.getTime() - OPEN311_LIMITS.windowDays * DAY);
  if (start > end) throw new Open311Refusal(400, 'start_date is after end_date');
  if (end.getTime() - start.getTime() > OPEN311_LIMITS.windowDays * DAY) {
    throw new Open311Refusal(400, `start_date and end_date may be at most ${OPEN311_LIMITS.windowDays} days apart`);
  }
  return { start, end };
}

/** The published rows of a service and a jurisdiction (with the institutions under it), as asked. */
export function scopeOf(deps: RequestsDeps, query: Pick<RequestsQuery, 'serviceCode' | 'jurisdiction'>): SQL[] {
  const { db } = deps;
  const { monitorReports: m } = db.$tables;
  const conditions: SQL[] = [];
  if (query.serviceCode) conditions.push(eq(unindexed(db, m.categoryId), query.serviceCode));
  if (query.jurisdiction) {
    if (!deps.directory.institution(query.jurisdiction)) {
      throw new Open311Refusal(404, `jurisdiction_id ${query.jurisdiction} is not an institution of this hub`);
    }
    conditions.push(inArray(unindexed(db, m.holder), deps.directory.family(query.jurisdiction)));
  }
  return conditions;
}

/** Indonesia's three zones keep one offset all year. */
const OFFSETS: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

function serviceRequest(deps: RequestsDeps, row: MonitorRow, now: Date): Open311Request {
  const report = publicReport(deps, row, now);
  const closed = isClosed(row.status);
  // The regency (publicReport's region) and the province the row keeps beside it.
  const province = row.province && row.province !== row.regionCode ? deps.regions.find(row.province) : undefined;
  const due = !closed && report.deadline?.due;
  return {
    service_request_id: row.trackingId,
    status: closed ? 'closed' : 'open',
    status_notes: STATUS.id[row.status],
    service_name: report.category?.name ?? '',
    service_code: report.category?.id ?? '',
    description: [report.title, report.excerpt].filter(Boolean).join('\n\n'),
    agency_responsible: report.institution.name,
    service_notice: '',
    requested_datetime: row.receivedAt.toISOString(),
    updated_datetime: row.changedAt.toISOString(),
    expected_datetime: due ? `${due}T23:59:59${OFFSETS[row.timeZone] ?? '+07:00'}` : '',
    address: [report.region?.name, province?.name].filter(Boolean).join(', '),
    address_id: row.regionCode ?? '',
    zipcode: '',
    media_url: '',
  };
}
