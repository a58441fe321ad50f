import type { Context } from 'hono';
import { rateLimiter, type Store } from 'hono-rate-limiter';
import type { ErrorBody } from '../../../../contract';

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
