import type { PowChallenge } from '../../../contract';

const encoder = new TextEncoder();
/** Hashes in flight at once: Web Crypto works asynchronously, so a batch hides its per-call latency. */
const BATCH = 64;

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 from Web Crypto, which a page served over plain http does not
 * have; there a small JavaScript implementation is loaded instead, as a
 * separate file that https pages never fetch.
 */
async function sha256(): Promise<(text: string) => Promise<string>> {
  if (globalThis.crypto?.subtle) {
    return async (text) => hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  }
  const { sha256: js } = await import('@noble/hashes/sha2.js');
  return async (text) => hex(js(encoder.encode(text)));
}

/**
 * Solves an ALTCHA puzzle (the number n with SHA-256(salt + n) = challenge)
 * and returns the `X-Altcha` header value, or undefined when aborted or
 * unsolvable. Runs in the background while the visitor types.
 */
export async function solveChallenge(challenge: PowChallenge, signal?: AbortSignal): Promise<string | undefined> {
  const digest = await sha256();
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    if (signal?.aborted) return undefined;
    const numbers = Array.from({ length: Math.min(BATCH, challenge.maxnumber - start + 1) }, (_, i) => start + i);
    const hashes = await Promise.all(numbers.map((n) => digest(`${challenge.salt}${n}`)));
    const found = hashes.indexOf(challenge.challenge);
    if (found >= 0) {
      const { algorithm, salt, signature } = challenge;
      return btoa(
        JSON.stringify({ algorithm, challenge: challenge.challenge, number: start + found, salt, signature }),
      );
    }
  }
  return undefined;
}
