import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ErrorBody } from '../../../../contract';
import type { Db } from '../../db/client';
import { isRegisteredOrigin } from '../../sites/sites';

export interface OriginGuardOptions {
  db: Db;
  /** The hub's own public origins (its pages call the API same-origin); the request's own origin always counts. */
  selfOrigins: readonly string[];
}

/** Whether a browser request comes from the hub's own pages. */
export function isSelfOrigin(c: Context, origin: string, selfOrigins: readonly string[]): boolean {
  return origin === new URL(c.req.url).origin || selfOrigins.includes(origin);
}

/**
 * CORS for registered sites only. A browser request from any other origin is
 * answered 403 with a JSON error and no CORS headers, so no foreign page can
 * use the API from a visitor's browser. Requests without an Origin (servers,
 * curl) and the hub's own pages pass.
 */
export function originGuard({ db, selfOrigins }: OriginGuardOptions): MiddlewareHandler {
  const allowRegistered = cors({
    origin: (origin) => origin,
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Lapor-Site', 'X-Altcha'],
    exposeHeaders: ['Location', 'Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (!origin || isSelfOrigin(c, origin, selfOrigins)) return next();
    if (!(await isRegisteredOrigin(db, origin))) {
      const body: ErrorBody = {
        error: {
          code: 'origin_not_allowed',
          message: `The website ${origin} is not registered with this hub; its operator can add it with \`npm run hub -- site add\``,
        },
      };
      return c.json(body, 403);
    }
    return allowRegistered(c, next);
  };
}
