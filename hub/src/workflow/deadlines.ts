import { type Deadline, type DeadlineKind, WORKING_DAYS } from '../../../contract';
import type { Report, ReportEvent } from '../db/schema';
import type { Directory } from '../directory/directory';
import { localDate, type WorkingCalendar } from './calendar';

/** Indonesia's western zone (WIB), where most institutions work. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The zone an institution counts its working days in: its own, or WIB. */
export function timeZoneOf(directory: Pick<Directory, 'institution'>, institutionId: string): string {
  return directory.institution(institutionId)?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** A deadline falling due on `due` as it stands on `today` (both the institution's dates). */
export function deadlineOn(calendar: WorkingCalendar, kind: DeadlineKind, due: string, today: string): Deadline {
  return { kind, due, workingDaysLeft: calendar.workingDaysBetween(today, due), overdue: today > due };
}

export interface Deadlines {
  deadline?: Deadline;
  resolution?: Deadline;
}

/**
 * What is due next for a report, in the institution's working days:
 * forwarding within 3 of receipt (or of being found outside an
 * institution's authority), a follow-up within 5 of forwarding (or of a
 * reopening, or of the reporter's reply to a follow-up), automatic closure
 * 10 after a follow-up left unanswered; and resolution within 60 of the
 * first forwarding. A held, finished or archived report runs no deadline.
 */
export function deadlinesOf(
  report: Pick<Report, 'status' | 'createdAt'>,
  events: readonly Pick<ReportEvent, 'at' | 'type' | 'actor' | 'status'>[],
  calendar: WorkingCalendar,
  timeZone: string,
  now = new Date(),
): Deadlines {
  if (report.status === 'finished' || report.status === 'archived') return {};
  // Times come from outside too (destinations, imports): one that could not have happened (year 1, year
  // 9999) counts from the report's receipt, so a stored value never breaks a view or the overdue list, and
  // the deadline it gives stands still rather than moving with the clock.
  const earliest = report.createdAt.getTime();
  const latest = Math.max(earliest, now.getTime());
  const possible = (at: Date) => {
    const time = at.getTime();
    return time >= earliest && time <= latest ? at : report.createdAt;
  };
  const today = localDate(now, timeZone);
  const due = (kind: DeadlineKind, from: Date, days: number): Deadline => {
    return deadlineOn(calendar, kind, calendar.addWorkingDays(localDate(from, timeZone), days), today);
  };
  const lastStatus = [...events].reverse().find((e) => e.type === 'status' && e.status === report.status);
  const since = possible(lastStatus?.at ?? report.createdAt);
  const firstForward = events.find((e) => e.type === 'status' && e.status === 'forwarded');
  const resolution = firstForward
    ? { resolution: due('resolution', possible(firstForward.at), WORKING_DAYS.resolution) }
    : {};

  switch (report.status) {
    case 'received':
    case 'submitted':
    case 'verified':
      return { deadline: due('forward', report.createdAt, WORKING_DAYS.forward) };
    case 'not_authority':
      return { deadline: due('forward', since, WORKING_DAYS.forward), ...resolution };
    case 'forwarded':
    case 'reopened':
      return { deadline: due('follow_up', since, WORKING_DAYS.followUp), ...resolution };
    case 'followed_up': {
      const reply = events.find((e) => e.type === 'message' && e.actor === 'reporter' && e.at > since);
      const deadline = reply
        ? due('follow_up', possible(reply.at), WORKING_DAYS.followUp)
        : due('auto_close', since, WORKING_DAYS.autoClose);
      return { deadline, ...resolution };
    }
    case 'held':
      return resolution;
  }
}
