import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed message's timestamp may be from now: beyond it, a captured message cannot be replayed. */
export const SIGNATURE_TOLERANCE_S = 300;

/**
 * HMAC-SHA256 over `timestamp.body`, sent as `X-Lapor-Timestamp` (Unix
 * seconds) and `X-Lapor-Signature: sha256=<hex>`. Signing the timestamp
 * with the body stops an old message being sent again later.
 */
export function sign(secret: string, body: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { 'X-Lapor-Timestamp': String(timestamp), 'X-Lapor-Signature': sign(secret, body, timestamp) };
}

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

export function checkSignature(
  secret: string,
  body: string,
  headers: { timestamp?: string; signature?: string },
  now = Date.now(),
): SignatureCheck {
  if (!headers.timestamp || !headers.signature) return 'missing';
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) return 'stale';
  const expected = Buffer.from(sign(secret, body, timestamp));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}
