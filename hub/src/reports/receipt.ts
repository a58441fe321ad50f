import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBytes } from '../privacy/random';

/**
 * The receipt proves the bearer filed the report. It has 256 random bits, so a
 * fast hash is enough to store it: there is nothing to brute-force.
 */
export function newReceipt(): string {
  return randomBytes(32).toString('base64url');
}

export function hashReceipt(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex');
}

export function receiptMatches(receipt: string, storedHash: string): boolean {
  const given = Buffer.from(hashReceipt(receipt), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
