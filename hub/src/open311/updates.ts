import { and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { isClosed } from '../../../contract/status';
import { STATUS } from '../notifications/message';
import { reportView, type ViewDeps } from '../reports/views';
import type { Open311Update } from './documents';
import { OPEN311_LIMITS, type RequestsDeps, type RequestsQuery, scopeOf, windowOf } from './requests';

/** Reports read at a time, the latest changed first. */
const BATCH = 200;

/**
 * The servicerequestupdates extension (FixMyStreet's, the one most Open311
 * clients know): what happened to published reports in a window (at most 90
 * days), the newest first, 1,000 at most. Each update is an entry of the
 * report's public timeline as the tracker shows it to anyone (the same
 * masking: never a reporter's contact, an anonymous reporter's name, a NIK),
 * a status change (its words, and the note that came with it) or a message
 * (an institution's response, a reporter's comment). Reports are read the
 * latest changed first: every event of a report is no later than its last
 * change, so once a thousand updates are as new as the last report read, no
 * report left can hold a newer one. (A report's last change is public
 * monitoring's, which follows its events by about a second.)
 */
export async function serviceRequestUpdates(
  deps: RequestsDeps & ViewDeps,
  query: Pick<RequestsQuery, 'serviceCode' | 'jurisdiction' | 'start' | 'end'>,
  now: Date,
): Promise<Open311Update[]> {
  const { db } = deps;
  const { monitorReports: m, reports: r } = db.$tables;
  const { start, end } = windowOf(query, now);
  const scope = scopeOf(deps, query);
  const updates: (Open311Update & { at: number })[] = [];
  let after: { changedAt: Date; reportId: number } | undefined;
  for (;;) {
    const batch = await db
      .select({ reportId: m.reportId, changedAt: m.changedAt })
      .from(m)
      .where(
        and(
          sql`${m.published}`,
          gte(m.changedAt, start),
          ...scope,
          after &&
            or(lt(m.changedAt, after.changedAt), and(eq(m.changedAt, after.changedAt), lt(m.reportId, after.reportId))),
        ),
      )
      .orderBy(desc(m.changedAt), desc(m.reportId))
      .limit(BATCH);
    if (!batch.length) break;
    const sealed = await db
      .select()
      .from(r)
      .where(
        inArray(
          r.id,
          batch.map((row) => row.reportId),
        ),
      );
    for (const report of sealed) {
      const view = await reportView(deps, report, 'public', now);
      let closed = false;
      view.timeline.forEach((entry, i) => {
        if (entry.type === 'status' && entry.status) closed = isClosed(entry.status);
        const at = new Date(entry.at);
        if (at < start || at > end || (entry.type !== 'status' && entry.type !== 'message')) return;
        const said =
          entry.type === 'status' && entry.status
            ? [STATUS.id[entry.status], entry.note].filter(Boolean).join(': ')
            : (entry.note ?? '');
        updates.push({
          at: at.getTime(),
          update_id: `${view.trackingId}-${i + 1}`,
          service_request_id: view.trackingId,
          status: closed ? 'closed' : 'open',
          updated_datetime: entry.at,
          description: said,
          media_url: '',
        });
      });
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < BATCH) break;
    after = last;
    if (updates.filter((update) => update.at >= last.changedAt.getTime()).length >= OPEN311_LIMITS.requests) break;
  }
  return updates
    .sort((a, b) => b.at - a.at || (a.update_id < b.update_id ? 1 : -1))
    .slice(0, OPEN311_LIMITS.requests)
    .map(({ at: _at, ...update }) => update);
}
