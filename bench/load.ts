import autocannon from 'autocannon';

export interface LoadFigures {
  rps: number;
  p50: number;
  /** Worked out from every response's time: autocannon's summary has no 95th percentile. */
  p95: number;
  p97_5: number;
  p99: number;
  /** Answers outside 2xx, and connection errors or timeouts. */
  failures: number;
}

/** Paths of lookups of the given reports, one drawn at random per request. */
export const lookupPath = (trackingIds: readonly string[]) => () =>
  `/api/v1/reports/${trackingIds[Math.floor(Math.random() * trackingIds.length)]}`;

/**
 * Drives `url` with autocannon: `connections` at once for `warmUpSeconds`
 * (not counted: the server's JIT and caches settle), then for `seconds`,
 * measured. `path` picks each request's path (for lookups spread over many reports).
 */
export async function load(
  url: string,
  options: {
    connections?: number;
    seconds?: number;
    method?: 'GET' | 'POST';
    body?: string;
    headers?: Record<string, string>;
    path?: () => string;
    /** Headers of each request, besides `headers` (e.g. a device token per vote). */
    headersFor?: () => Record<string, string>;
    warmUpSeconds?: number;
  } = {},
): Promise<LoadFigures> {
  const {
    connections = 50,
    seconds = 10,
    warmUpSeconds = 2,
    method = 'GET',
    body,
    headers = {},
    path,
    headersFor,
  } = options;
  const run = (duration: number, onResponse?: (milliseconds: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections,
          duration,
          method,
          body,
          headers,
          ...((path || headersFor) && {
            requests: [
              {
                setupRequest: (request) => ({
                  ...request,
                  ...(path && { path: path() }),
                  ...(headersFor && { headers: { ...request.headers, ...headersFor() } }),
                }),
              },
            ],
          }),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (onResponse) instance.on('response', (_client, _status, _bytes, milliseconds) => onResponse(milliseconds));
    });
  if (warmUpSeconds > 0) await run(warmUpSeconds);
  const times: number[] = [];
  const result = await run(seconds, (milliseconds) => times.push(milliseconds));
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0),
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
