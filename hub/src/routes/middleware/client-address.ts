import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from. Behind `trustedProxies` reverse proxies,
 * each appends the address it saw to X-Forwarded-For, so the client is that
 * many entries from the end; anything further left is the client's own claim.
 */
export function clientAddressResolver(trustedProxies: number) {
  return function clientAddress(c: Context): string {
    if (trustedProxies > 0) {
      const chain = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      const client = chain[chain.length - trustedProxies];
      if (client) return client;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // not served by @hono/node-server, e.g. app.request() in tests
    }
  };
}
