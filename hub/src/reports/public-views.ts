import { LRUCache } from 'lru-cache';
import type { ReportView } from '../../../contract';
import { localDate } from '../workflow/calendar';
import { timeZoneOf } from '../workflow/deadlines';
import type { Access } from './access';
import { reportView, type ViewDeps } from './views';

interface Cached {
  view: ReportView;
  /** The report's newest timeline event when the view was made: every change a viewer sees is an event. */
  lastEvent: number;
  /** The report's row as it was then (a status, a forwarding), to the millisecond. */
  updatedAt: number;
  /** The institution's calendar day it was made on: deadlines count working days from today. */
  day: string;
}

/**
 * Public views of reports, kept until the report's next event or the next
 * midnight in its institution's time zone, whichever comes first. A public
 * view is the same for every member of the public, so it is built once
 * rather than on every lookup (its events, files and deliveries read, its
 * deadlines counted, its text masked); the reporter's own view is never kept,
 * and a kept view is never shown to the reporter. Each hub process keeps its
 * own, and checks it against the report's newest event, read with the report
 * on every lookup, so several processes never serve a stale view.
 */
export class PublicViews {
  private readonly kept: LRUCache<number, Cached>;

  constructor(max = 10_000) {
    this.kept = new LRUCache({ max });
  }

  async view(deps: ViewDeps, { report, newestEvent: lastEvent }: Access, now: Date): Promise<ReportView> {
    const timeZone = timeZoneOf(deps.directory, report.institutionId);
    const day = localDate(now, timeZone);
    const updatedAt = report.updatedAt.getTime();
    const kept = this.kept.get(report.id);
    if (kept && kept.lastEvent === lastEvent && kept.updatedAt === updatedAt && kept.day === day) return kept.view;
    const view = await reportView(deps, report, 'public', now);
    this.kept.set(report.id, { view, lastEvent, updatedAt, day });
    return view;
  }
}

/** A report as the one asking may see it: the public's view kept in `publicViews`, the reporter's built afresh. */
export function viewOf(deps: ViewDeps & { publicViews: PublicViews }, access: Access, now: Date) {
  return access.viewer === 'public'
    ? deps.publicViews.view(deps, access, now)
    : reportView(deps, access.report, access.viewer, now);
}
