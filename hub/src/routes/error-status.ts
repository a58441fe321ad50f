import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../../contract';

/** The HTTP status of each error code: the one place where the hub's errors meet HTTP. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_multipart: 400,
  invalid_tracking_id: 400,
  invalid_idempotency_key: 400,
  unknown_site: 400,
  spam_suspected: 400,
  invalid_receipt: 401,
  invalid_token: 401,
  invalid_signature: 401,
  challenge_required: 403,
  challenge_failed: 403,
  challenge_replayed: 403,
  origin_not_allowed: 403,
  not_found: 404,
  idempotency_conflict: 409,
  invalid_transition: 409,
  reopen_window_closed: 409,
  already_rated: 409,
  not_yet_followed_up: 409,
  event_replayed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;
