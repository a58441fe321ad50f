import type { Context } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import type { ErrorBody } from '../../../contract';

export interface RateLimits {
  /** Reports one address may post per hour. */
  reportsPerHour: number;
  /** Reports one embedding site may pass on per hour, whatever the addresses: a flood through one site stops there. */
  reportsPerHourPerSite: number;
  /** Report lookups one address may make per minute; keeps Tracking IDs from being enumerated. */
  lookupsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS = {
  reportsPerHour: 20,
  reportsPerHourPerSite: 600,
  lookupsPerMinute: 60,
} satisfies RateLimits;

/**
 * A limit per key (an address, a site) answering 429 with `Retry-After` and
 * the hub's JSON error. Requests without a key are not counted. Counted in
 * this process's memory unless given a `store` (sharedCounts: in the
 * database, for several hub processes).
 */
export function limitPer(options: {
  limit: number;
  windowMs: number;
  key: (c: Context) => string | undefined;
  what: string;
  store?: Store;
  /** Count only requests that were answered with success (a filed report), not those refused. */
  onlyAccepted?: boolean;
}) {
  return rateLimiter({
    ...(options.store && { store: options.store }),
    skipFailedRequests: options.onlyAccepted ?? false,
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => options.key(c) ?? '',
    skip: (c) => options.key(c) === undefined,
    handler: (c) => {
      const body: ErrorBody = {
        error: { code: 'rate_limited', message: `Too many requests from this ${options.what}; try again later` },
      };
      return c.json(body, 429);
    },
  });
}
