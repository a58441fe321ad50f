/** A destination's answer: its status, and its body read as JSON when it is JSON. */
export interface Answer {
  status: number;
  ok: boolean;
  /** The body as JSON; with a `fallback`, that when the body is empty or not JSON, else a SyntaxError. */
  json<T>(fallback?: T): T;
}

export interface Exchange {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
}

/**
 * One HTTP exchange with a destination, through undici's request API
 * rather than fetch: fetch builds WHATWG streams, headers and an abort
 * signal's listeners around every call, and cost the outbox about four times
 * the CPU per delivery on loopback (~620 against ~160 µs, the receiving
 * server included). Redirects are not followed: a destination that moved is
 * an error for the operator, not a POST silently turned into a GET. The
 * body is always read to the end, so the connection goes back to the pool.
 */
export async function exchange(url: URL | string, { method, headers, body, timeoutMs }: Exchange): Promise<Answer> {
  // Loaded with the first delivery: a hub that has nothing to send spends no memory on it.
  undici ??= import('undici');
  const { request } = await undici;
  const res = await request(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    ok: res.statusCode >= 200 && res.statusCode < 300,
    json<T>(fallback?: T): T {
      if (fallback === undefined) return JSON.parse(text) as T;
      try {
        return text ? (JSON.parse(text) as T) : fallback;
      } catch {
        return fallback;
      }
    },
  };
}

let undici: Promise<typeof import('undici')> | undefined;
