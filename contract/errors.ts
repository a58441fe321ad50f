/** Stable machine-readable codes of the hub's error answers. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'invalid_multipart',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'invalid_tracking_id',
  'invalid_receipt',
  'invalid_token',
  'invalid_idempotency_key',
  'idempotency_conflict',
  'rate_limited',
  'origin_not_allowed',
  'unknown_site',
  'spam_suspected',
  'challenge_required',
  'challenge_failed',
  'challenge_replayed',
  'invalid_transition',
  'reopen_window_closed',
  'already_rated',
  'not_yet_followed_up',
  'invalid_signature',
  'event_replayed',
  'invalid_device',
  'poll_not_open',
  'poll_not_closed',
  'poll_already_open',
  'already_voted',
  'email_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field's problem; `code` follows zod's issue codes plus the hub's own. */
export interface FieldError {
  code: string;
  message: string;
}

/** Every error the hub answers has this body. `fields` is keyed by dotted path, e.g. `location.text`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, FieldError>;
  };
}
