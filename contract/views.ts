import type { ReportKind } from './report-rules';
import type { DeadlineKind, ReportStatus } from './status';

/** `201` answer to `POST /api/v1/reports`. The receipt is shown this once only. */
export interface ReportCreated {
  trackingId: string;
  receipt: string;
  status: ReportStatus;
  createdAt: string;
}

export interface TimelineEntry {
  at: string;
  /** `duplicate`: the report was found to repeat an earlier one, whose Tracking ID is `reference`. */
  type: 'status' | 'message' | 'rating' | 'duplicate';
  actor: 'reporter' | 'hub' | 'national' | 'institution';
  status?: ReportStatus;
  note?: string;
  /** For the move to `submitted`: the report's number at its destination (see `ReportView.sentTo`). */
  reference?: string;
  /** For a rating: 1 (poor) to 5 (excellent). */
  rating?: number;
  /** For a forwarding: the institution the report was passed to. */
  institution?: DirectoryRef;
}

export interface AttachmentRef {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  /** Path under the hub, e.g. `/api/v1/reports/LPR-…/attachments/…`; send the receipt for a confidential report's. */
  url: string;
}

/** A deadline in the institution's working days: the day it falls due, how many working days remain, whether it has passed. */
export interface Deadline {
  kind: DeadlineKind;
  /** The last day, `YYYY-MM-DD`, in the institution's time zone. */
  due: string;
  /** Working days from today to `due`; negative once overdue. */
  workingDaysLeft: number;
  overdue: boolean;
}

/** An institution or category: `id` is the hub directory's, or for an institution outside it, the name the national workflow gave. */
export interface DirectoryRef {
  id: string;
  name: string;
}

/**
 * `GET /api/v1/reports/{trackingId}`. The public view leaves out a confidential
 * report's content and an anonymous report's reporter; the reporter's view
 * (with the receipt) holds everything the reporter gave.
 */
export interface ReportView {
  viewer: 'public' | 'reporter';
  trackingId: string;
  kind: ReportKind;
  status: ReportStatus;
  anonymous: boolean;
  confidential: boolean;
  /** The institution that holds the report now: the one chosen, or the one the national workflow passed it to. */
  institution: DirectoryRef;
  category?: DirectoryRef;
  title?: string;
  body?: string;
  incidentDate?: string;
  /** `regionName` spells the region out, smallest first: "Panakkukang, Kota Makassar, Sulawesi Selatan". */
  location?: { text: string; regionCode?: string; regionName?: string };
  reporter?: { name?: string; email?: string; phone?: string };
  attachments?: AttachmentRef[];
  /** What is due next: forwarding, a follow-up, or automatic closure. */
  deadline?: Deadline;
  /** The resolution deadline, once the report has been forwarded. */
  resolution?: Deadline;
  /**
   * Where the hub sends the report: into SP4N-LAPOR!'s national workflow, or
   * straight to the institution's own desk (its system, email or Open311).
   */
  sentTo?: 'sp4n-lapor' | 'institution';
  /** The earlier report this one repeats, by its Tracking ID: that one is handled instead, and followed there. */
  duplicateOf?: string;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
}

export interface Institution {
  id: string;
  name: string;
  type: 'kementerian' | 'lembaga' | 'pemerintah-daerah' | 'unit';
  parentId?: string;
  /** Its time zone, for working days: `Asia/Jakarta` (WIB, the default), `Asia/Makassar` (WITA), `Asia/Jayapura` (WIT). */
  timeZone?: string;
}

export interface Category {
  id: string;
  name: string;
}

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** An administrative region by its Kemendagri code: province → regency/city → district → village. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `GET /api/v1/sites/{key}/config`: the presets of a registered website. */
export interface SiteConfig {
  key: string;
  name: string;
  institution: DirectoryRef;
  category?: DirectoryRef;
  lockInstitution: boolean;
}

/** `GET /api/v1/challenge`: a proof-of-work puzzle in the ALTCHA format, to solve before filing a report. */
export interface PowChallenge {
  algorithm: 'SHA-256';
  /** Hex SHA-256 of `salt` followed by the secret number. */
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}
