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
