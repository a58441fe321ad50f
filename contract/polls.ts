import type { DirectoryRef } from './views';

/**
 * Opini kebijakan: an institution asks its public one question on a policy.
 * Either a single choice among 2–10 options, or agreement on a 1–5 scale
 * (the element names the five levels in the visitor's language).
 */
export const POLL_KINDS = ['choice', 'scale'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const POLL_LIMITS = {
  question: [10, 300],
  explanation: [0, 2000],
  option: [1, 120],
  options: [2, 10],
  comment: [0, 1000],
} as const;

/** The five levels of agreement, 1 (strongly disagree) to 5 (strongly agree). */
export const SCALE_LEVELS = 5;

/** Where a poll stands: not yet open, taking votes, or closed with its results. */
export type PollState = 'scheduled' | 'open' | 'closed';

/** A device's token: 32 random bytes in base64url, made and kept by the element. */
export const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The header that carries the device's token. */
export const DEVICE_HEADER = 'X-Lapor-Device';

/** Counted votes, once the poll has closed: `counts[i]` for option (or level) `i + 1`. */
export interface PollResults {
  votes: number;
  counts: number[];
  /** When the votes were counted. */
  countedAt: string;
  /** How many voters left a comment (the comments themselves are in the export, if the institution publishes them). */
  comments: number;
}

/** A poll as anyone may see it; counts only once it has closed. */
export interface PollView {
  id: string;
  institution: DirectoryRef;
  regionCode?: string;
  question: string;
  explanation: string;
  kind: PollKind;
  /** A choice poll's options; empty for a scale poll. */
  options: string[];
  allowComment: boolean;
  publishComments: boolean;
  /** A vote counts once confirmed from a link emailed to the voter. */
  confirmByEmail: boolean;
  opensAt: string;
  closesAt: string;
  state: PollState;
  /** The vote of the device that asked (by its token), which it may change until the poll closes. */
  yourVote?: { choice: number; comment?: string; confirmed: boolean };
  results?: PollResults;
}

/** The answer to a vote: what this device voted, whether it replaced an earlier vote, and whether it counts yet. */
export interface VoteRecorded {
  choice: number;
  changed: boolean;
  /** False until the voter confirms from the emailed link, where the poll asks for it. */
  confirmed: boolean;
}
