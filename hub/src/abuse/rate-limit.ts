import type { Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { ErrorBody } from '../../../contract';

export interface RateLimits {
  /** Reports one address may post per hour. */
  reportsPerHour: number;
  /** Report lookups one address may make per minute; keeps Tracking IDs from being enumerated. */
  lookupsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS = { reportsPerHour: 20, lookupsPerMinute: 60 } satisfies RateLimits;

/** A per-address limit answering 429 with `Retry-After` and the hub's JSON error. */
export function perAddressLimit(options: { limit: number; windowMs: number; clientAddress: (c: Context) => string }) {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: options.clientAddress,
    handler: (c) => {
      const body: ErrorBody = {
        error: { code: 'rate_limited', message: 'Too many requests from this address; try again later' },
      };
      return c.json(body, 429);
    },
  });
}
