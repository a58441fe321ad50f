import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Structured logs (pino, one JSON object per line). They say what happened
 * to which route, never who: no bodies, no query strings, no addresses, no
 * headers, so no personal data and no receipts reach them.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: { service: 'lapor-hub' },
      redact: { paths: ['req.headers', 'headers', 'authorization', 'receipt'], remove: true },
    },
    destination,
  );
}

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
