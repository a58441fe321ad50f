import autocannon from 'autocannon';

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  /** Answers outside 2xx, and connection errors or timeouts. */
  failures: number;
}

/**
 * Drives `url` with autocannon: `connections` at once for `seconds`. `path`
 * picks each request's path (for lookups spread over many reports).
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
  } = {},
): Promise<LoadFigures> {
  const { connections = 50, seconds = 10, method = 'GET', body, headers = {}, path } = options;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method,
    body,
    headers,
    ...(path && { requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }] }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
