import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';

/**
 * Logs each request by the pattern of the route that answered it
 * (`/api/v1/reports/:trackingId`, not the Tracking ID), with a request id for tracing.
 */
/**
 * The route that answered: the handler that responded, unless that was a
 * middleware for every method (then the most specific route matched). Not
 * simply the last route matched: `/reports/similar` also matches
 * `/reports/:trackingId`, registered after it and never reached.
 */
function routeOf(c: Context): string | null {
  const matched = matchedRoutes(c);
  const answered = matched[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  return matched.findLast((route) => route.method !== 'ALL')?.path ?? null;
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
