import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * Headers every answer carries unless its route set its own (a route's
 * stricter policy, such as an attachment's sandbox, wins). Served by
 * `@hono/node-server`, they are set on Node's response before the route
 * runs, where Node merges them under the route's own headers as it writes
 * them: a plain object per answer instead of a dozen operations on a Web
 * `Headers`, which cost the hot routes about a tenth of a lookup. Elsewhere
 * (tests calling the app directly) they are added to the finished answer.
 */
export function defaultHeaders(headers: Readonly<Record<string, string>>): MiddlewareHandler {
  const entries = Object.entries(headers);
  return async function defaultHeaders(c, next) {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && !outgoing.headersSent) {
      for (const [name, value] of entries) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    for (const [name, value] of entries) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
