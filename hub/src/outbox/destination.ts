import type { ReportKind, ReportStatus } from '../../../contract';

/** What a destination receives: the report as the institution with authority may see it. */
export interface OutgoingReport {
  trackingId: string;
  kind: ReportKind;
  title: string;
  body: string;
  incidentDate: string;
  location: { text: string; regionCode?: string; regionName?: string };
  institution: { id: string; name: string };
  category?: { id: string; name: string };
  /** Anonim: the institution must not learn who reported. The reporter is left out entirely. */
  anonymous: boolean;
  /** Rahasia: the content must not be published. */
  confidential: boolean;
  reporter?: { name?: string; email?: string; phone?: string };
  /** The files, with `content` to read one (decrypted) for a destination that sends them on; JSON leaves it out. */
  attachments: {
    name: string;
    mediaType: string;
    size: number;
    /** Where anyone may fetch it: only for a report that is not confidential, when the hub knows its public address. */
    url?: string;
    content?: () => Promise<Buffer>;
  }[];
  createdAt: string;
}

/** A reporter's action on a report already delivered: a comment, a reopening with its reason, a rating. */
export interface OutgoingAction {
  kind: 'comment' | 'reopen' | 'rating';
  trackingId: string;
  /** The destination's own reference for the report. */
  externalRef?: string;
  /** The comment, the reason for reopening, or the remark with a rating. */
  text?: string;
  rating?: number;
  at: string;
}

/** Deadlines of a report about to fall due, for its institution's desk. */
export interface OutgoingReminder {
  trackingId: string;
  title: string;
  confidential: boolean;
  /** Each deadline's kind and last day, in the institution's time zone, soonest first. */
  deadlines: { kind: 'forward' | 'follow_up' | 'resolution'; due: string }[];
}

/** A destination's answer: its own reference for the report, if it gives one. */
export interface Delivered {
  externalRef?: string;
}

/** Why a delivery failed, and whether trying again later may help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * Somewhere reports go onward: SP4N-LAPOR!, an institution's own system.
 * `deliver` must be safe to call again with the same key: the destination
 * recognises a repeat and answers as for the first time (or says it
 * already has it, which counts as delivered).
 */
export interface Destination {
  readonly name: string;
  /** Whether this is SP4N-LAPOR!'s national workflow, rather than an institution's own desk (a webhook, email, Open311). */
  readonly national?: boolean;
  /** The secret that signs what this destination sends back, if it sends anything. */
  readonly inboundSecret?: string;
  deliver(report: OutgoingReport, idempotencyKey: string): Promise<Delivered>;
  /** Passes on a reporter's action; the same key on a repeat must not apply it twice. */
  deliverAction?(action: OutgoingAction, idempotencyKey: string): Promise<void>;
  /** Reminds an institution's desk of deadlines about to fall due (desk/reminders.ts); the same key on a repeat is one message. */
  remind?(reminder: OutgoingReminder, idempotencyKey: string): Promise<void>;
  /** For a destination that does not push its progress: the events after `cursor` for a delivered report. */
  poll?(externalRef: string, cursor: string | null): Promise<{ events: InboundEvent[]; cursor: string | null }>;
}

/** A status change, a message, or a duplicate found, that a destination reports back. */
export interface InboundEvent {
  eventId: string;
  /** Our Tracking ID, or the destination's own reference. */
  report: string;
  type: 'status' | 'message' | 'duplicate';
  /** For a duplicate: the earlier report it repeats, by our Tracking ID or the destination's own reference. */
  original?: string;
  status?: ReportStatus;
  note?: string;
  at?: string;
  /** For a forwarding: who holds the report now, by our directory's id or by name. */
  institution?: string;
}

/** Whether an HTTP status from a destination means "try again later". */
export const retryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;
