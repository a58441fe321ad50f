import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';

/**
 * Logs each request by the pattern of the route that answered it
 * (`/api/v1/reports/:trackingId`, not the Tracking ID), with a request id for tracing.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        route: matchedRoutes(c).findLast((route) => route.method !== 'ALL')?.path ?? null,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
