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
