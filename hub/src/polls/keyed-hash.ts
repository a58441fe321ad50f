import { createHmac } from 'node:crypto';
import type { Keyring } from '../privacy/keyring';

/** Secrets derived once per keyring and purpose: deriving costs more than the hash itself. */
const derived = new WeakMap<Keyring, Map<string, string>>();

/**
 * A keyed hash (HMAC-SHA-256) of `text` under a secret derived from the
 * current data key for `purpose`: what a poll stores instead of a device's
 * token or a voter's email address. Equal inputs match; without the key the
 * hash tells nothing of them.
 */
export function keyedHash(keyring: Keyring, purpose: string, text: string): string {
  let secrets = derived.get(keyring);
  if (!secrets) {
    secrets = new Map();
    derived.set(keyring, secrets);
  }
  let secret = secrets.get(purpose);
  if (secret === undefined) {
    secret = keyring.deriveSecret(purpose);
    secrets.set(purpose, secret);
  }
  return createHmac('sha256', secret).update(text).digest('base64url');
}
