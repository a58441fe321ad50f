import type { ReportKind } from './report-rules';
import type { ReportStatus } from './status';
import type { Deadline } from './views';

/**
 * Public monitoring: the reports SP4N-LAPOR! would publish (forwarded at
 * least once, never a confidential one) and the figures of a scope.
 */
export const MONITOR_LIMITS = {
  /** Reports per page of the public list. */
  page: 50,
  /** A scope with fewer reports than this is not broken down by month or place: it could point at a reporter. */
  smallNumbers: 5,
  /** Characters of a report's masked text shown in the list. */
  excerpt: 280,
  /** Working days to the first follow-up above which the figures keep no finer count. */
  responseDaysCap: 61,
  /** Characters of a visitor's text looked at for similar reports: a title and a few sentences. */
  similarQuery: 1000,
  /** Similar reports shown at most. */
  similarShown: 3,
} as const;

/** A place, an institution or a category: a scope's part, each left out for all. */
export interface MonitorScope {
  institution?: string;
  /** A province (`73`) or a regency or city (`73.71`). */
  region?: string;
  category?: string;
}

/** A published report as the public list shows it: masked, without its reporter. */
export interface PublicReport {
  trackingId: string;
  kind: ReportKind;
  status: ReportStatus;
  title: string;
  /** The report's first lines, masked as in the public view. */
  excerpt: string;
  /** The institution that holds the report now. */
  institution: { id: string; name: string };
  category?: { id: string; name: string };
  region?: { code: string; name: string };
  receivedAt: string;
  forwardedAt: string;
  deadline?: Deadline;
  resolution?: Deadline;
}

export interface PublicReportPage {
  items: PublicReport[];
  /** Give it back as `cursor` for the next page; absent on the last. */
  next?: string;
}

/** A scope's figures, each explained where it is shown. */
export interface MonitorFigures {
  received: number;
  forwarded: number;
  answered: number;
  finished: number;
  /** Of the reports forwarded, the share answered within 5 working days of the forwarding (0–1); null without any. */
  answeredWithin5: number | null;
  /** Of the reports forwarded, the share finished within 60 working days of the forwarding (0–1). */
  finishedWithin60: number | null;
  /** Median working days from forwarding to the first follow-up, of the reports answered. */
  medianDaysToResponse: number | null;
}

/** One object type of an intersection's members (as the schema's types read). */
type Flat<T> = { [K in keyof T]: T[K] };

/** A breakdown's part: its figures, or only that it has fewer than 5 reports. */
export type MonitorPart<Key> = Flat<Key & MonitorFigures & { suppressed: false }> | Flat<Key & { suppressed: true }>;

export interface MonitorStats {
  scope: MonitorScope;
  /** The figures over every month. */
  totals: MonitorFigures;
  /** Reports whose running deadline (forwarding, follow-up or resolution) has passed, today. */
  overdue: number;
  /** True when the scope has fewer than 5 reports: then neither months nor places are given. */
  suppressed: boolean;
  /** By month of receipt, oldest first. */
  months: MonitorPart<{ month: string }>[];
  /** By province, or by regency or city within one, when asked for. */
  places?: MonitorPart<{ region: { code: string; name: string }; overdue: number }>[];
}

/**
 * `GET /api/v1/public/map/{code}`: the shapes of Indonesia's provinces
 * (`id`) or of a province's regencies and cities, already projected and
 * simplified: each region's outline as an SVG path within `viewBox`.
 */
export interface MonitorMap {
  /** `id` for the country, or the province's code. */
  code: string;
  viewBox: string;
  regions: { code: string; name: string; d: string }[];
  /** The boundaries' source and licence, to show with the map. */
  attribution: string;
}
