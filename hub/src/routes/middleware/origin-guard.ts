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
 * CORS for registered sites only. Every request from any other origin is
 * refused with a JSON 403 before it reaches a route, so no foreign page can
 * use the API from a visitor's browser. The refusal itself carries CORS
 * headers, and that origin's preflight passes, only so that the widget on
 * such a page can read why it is refused and say so (to the visitor, and in
 * the console what the webmaster must register) instead of failing like a
 * network outage. Requests without an Origin (servers, curl) and the hub's
 * own pages pass.
 */
export function originGuard({ db, selfOrigins }: OriginGuardOptions): MiddlewareHandler {
  const allowBrowser = cors({
    origin: (origin) => origin,
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Lapor-Site', 'X-Altcha'],
    exposeHeaders: ['Location', 'Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (!origin || isSelfOrigin(c, origin, selfOrigins)) return next();
    if (!(await isRegisteredOrigin(db, origin)) && c.req.method !== 'OPTIONS') {
      return allowBrowser(c, async () => {
        const body: ErrorBody = {
          error: {
            code: 'origin_not_allowed',
            message: `The website ${origin} is not registered with this hub; its operator can add it with \`npm run hub -- site add\``,
          },
        };
        c.res = c.json(body, 403);
      });
    }
    return allowBrowser(c, next);
  };
}
