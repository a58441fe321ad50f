import { WORKING_DAYS } from '../../../contract';
import { MONITOR_LIMITS } from '../../../contract/monitor';
import type { MonitorRow, Report, ReportEvent } from '../db/schema';
import type { Directory } from '../directory/directory';
import type { Keyring } from '../privacy/keyring';
import { openForPublic } from '../reports/views';
import { localDate, type WorkingCalendar } from '../workflow/calendar';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';

/** What a report contributes to public monitoring: its monitor row without the key and the mark. */
export type MonitorFacts = Omit<MonitorRow, 'reportId' | 'dirty' | 'indexed'>;

export interface FactsDeps {
  directory: Pick<Directory, 'institution'>;
  calendar: WorkingCalendar;
  keyring: Keyring;
}

type TimelineEvent = Pick<ReportEvent, 'at' | 'type' | 'actor' | 'status' | 'institution'>;

/**
 * A report's part in public monitoring, from the report and its timeline
 * alone, so that deriving it again gives the same row (the projector relies
 * on that). Published, as LAPOR! publishes, once the national workflow (or the
 * destination's own desk) has forwarded it, and never when confidential; its
 * text masked as in the public view; its deadlines those the tracker shows.
 */
export function monitorFacts(
  { directory, calendar, keyring }: FactsDeps,
  sealed: Report,
  events: readonly TimelineEvent[],
  now: Date,
): MonitorFacts {
  const timeZone = timeZoneOf(directory, sealed.institutionId);
  const day = (at: Date) => localDate(at, timeZone);
  const statusEvents = events.filter((event) => event.type === 'status');
  const firstForward = statusEvents.find((event) => event.status === 'forwarded');
  const firstFollowUp = firstForward && statusEvents.find((e) => e.status === 'followed_up' && e.at >= firstForward.at);
  const lastFinish = statusEvents.findLast((event) => event.status === 'finished');
  const finished = sealed.status === 'finished';
  const since = (at: Date) => (firstForward ? calendar.workingDaysBetween(day(firstForward.at), day(at)) : 0);

  const { deadline, resolution } = deadlinesOf(sealed, events, calendar, timeZone, now);
  // The hub's own automatic closure is not the institution's deadline: it does not make a report late.
  const running = deadline && deadline.kind !== 'auto_close' ? deadline.due : undefined;
  const earliest = [running, resolution?.due].filter((due) => due !== undefined).sort()[0];

  const published = firstForward !== undefined && !sealed.confidential;
  const text = published ? publicText(keyring, sealed) : undefined;
  const region = sealed.regionCode;
  return {
    published,
    trackingId: sealed.trackingId,
    kind: sealed.kind,
    status: sealed.status,
    holder: events.findLast((event) => event.institution)?.institution ?? sealed.institutionId,
    categoryId: sealed.categoryId,
    regionCode: region,
    province: region ? region.slice(0, 2) : null,
    regency: region && region.length >= 5 ? region.slice(0, 5) : null,
    title: text?.title ?? null,
    excerpt: text?.excerpt ?? null,
    receivedAt: sealed.createdAt,
    changedAt: events.reduce((latest, event) => (event.at > latest ? event.at : latest), sealed.createdAt),
    month: day(sealed.createdAt).slice(0, 7),
    timeZone,
    forwardedAt: firstForward?.at ?? null,
    responseDays: firstFollowUp ? Math.min(since(firstFollowUp.at), MONITOR_LIMITS.responseDaysCap) : null,
    finished,
    finishedInTime:
      finished && lastFinish !== undefined && firstForward !== undefined
        ? since(lastFinish.at) <= WORKING_DAYS.resolution
        : false,
    deadlineKind: deadline?.kind === 'resolution' ? null : (deadline?.kind ?? null),
    deadlineDue: deadline?.due ?? null,
    resolutionDue: resolution?.due ?? null,
    overdueFrom: earliest ? nextDay(earliest) : null,
  };
}

/** A report's title and text as the public sees them (masked), and the excerpt the list shows. */
export function publicText(keyring: Keyring, sealed: Report): { title: string; body: string; excerpt: string } {
  const { report, shown } = openForPublic(keyring, sealed);
  const body = shown(report.body);
  return { title: shown(report.title), body, excerpt: excerptOf(body) };
}

/** The text's beginning, cut at a word where it is longer than the list shows. */
export function excerptOf(text: string, max: number = MONITOR_LIMITS.excerpt): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
