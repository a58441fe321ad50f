/**
 * A report's stages, from the hub's acceptance through SP4N-LAPOR!'s workflow:
 * verification, forwarding (disposisi), follow-up (tindak lanjut) and closure.
 */
export const REPORT_STATUSES = [
  'received',
  'submitted',
  'verified',
  'forwarded',
  'followed_up',
  'finished',
  'held',
  'not_authority',
  'archived',
  'reopened',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * Where each status may lead. Received at the hub, a report is sent to
 * SP4N-LAPOR!, verified, forwarded (disposisi) to the institution with
 * authority, followed up (tindak lanjut, perhaps several times) and
 * finished. It may be held (tunda), found outside the institution's
 * authority and routed again, archived with a reason, or reopened by an
 * unsatisfied reporter.
 */
export const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ['submitted', 'archived'],
  submitted: ['verified', 'held', 'archived'],
  verified: ['forwarded', 'held', 'archived'],
  forwarded: ['followed_up', 'not_authority', 'held', 'archived'],
  not_authority: ['forwarded', 'archived'],
  followed_up: ['followed_up', 'finished', 'reopened', 'held'],
  held: ['verified', 'forwarded', 'followed_up', 'archived'],
  reopened: ['followed_up', 'finished', 'held'],
  finished: ['reopened'],
  archived: [],
};

/** A report no longer being handled: nothing to follow, nothing left to deliver or to answer. */
export const CLOSED_STATUSES = ['finished', 'archived'] as const satisfies readonly ReportStatus[];

export function isClosed(status: ReportStatus): boolean {
  return (CLOSED_STATUSES as readonly ReportStatus[]).includes(status);
}

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Working-day limits of SP4N-LAPOR!'s workflow. */
export const WORKING_DAYS = {
  /** Verify and forward to the institution with authority. */
  forward: 3,
  /** The institution's first follow-up after forwarding. */
  followUp: 5,
  /** Resolution, counted from forwarding. */
  resolution: 60,
  /** Closure after a follow-up the reporter has not answered. */
  autoClose: 10,
  /** How long after a report is finished its reporter may still reopen it. */
  reopenWindow: 10,
} as const;

export type DeadlineKind = 'forward' | 'follow_up' | 'auto_close' | 'resolution';
