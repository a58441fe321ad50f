import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

/**
 * What rate limits count by: an IPv4 address as it is, an IPv6 address by
 * its /64 network. One IPv6 subscriber gets a whole /64 (often larger) and
 * can change the rest at will; counting per address would let one person
 * appear as billions. An IPv4 address mapped into IPv6 counts as IPv4.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${network.map((part) => part.toString(16)).join(':')}::/64`;
}

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
