import type { PowChallenge } from '../../../contract';

const encoder = new TextEncoder();
/** Milliseconds of hashing before the page gets the main thread back: typing never stutters. */
const SLICE_MS = 8;

/** Lets the page handle input and render between slices, without setTimeout's 4 ms clamp. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function bytesOfHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Solves an ALTCHA puzzle (the number n with SHA-256(salt + n) = challenge)
 * and returns the `X-Altcha` header value, or undefined when aborted or
 * unsolvable. Runs in the background, in slices, while the visitor types.
 *
 * The hashing is @noble/hashes' SHA-256 in JavaScript, loaded as a separate
 * file when the visitor starts on the form: for messages this short it is
 * 2.5 times as fast as Web Crypto, whose every call is an asynchronous round
 * trip (measured at 4× CPU slowdown: 0.027 against 0.070 ms a hash; the
 * default puzzle, 25,000 hashes on average, 0.7 s against 1.8 s), and it
 * works on pages served over plain http, which have no Web Crypto.
 */
export async function solveChallenge(challenge: PowChallenge, signal?: AbortSignal): Promise<string | undefined> {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  if (signal?.aborted) return undefined;
  const target = bytesOfHex(challenge.challenge);
  // The salt's bytes once, then each number's digits written after them: no string or encoding per hash.
  const salt = encoder.encode(challenge.salt);
  const message = new Uint8Array(salt.length + 16);
  message.set(salt);
  let sliceEnd = performance.now() + SLICE_MS;
  for (let n = 0; n <= challenge.maxnumber; n++) {
    const end = writeDigits(message, salt.length, n);
    if (equal(sha256(message.subarray(0, end)), target)) {
      const { algorithm, signature } = challenge;
      return btoa(
        JSON.stringify({ algorithm, challenge: challenge.challenge, number: n, salt: challenge.salt, signature }),
      );
    }
    if ((n & 63) === 63 && performance.now() > sliceEnd) {
      await yieldToPage();
      if (signal?.aborted) return undefined;
      sliceEnd = performance.now() + SLICE_MS;
    }
  }
  return undefined;
}

/** Writes `n` in decimal ASCII at `at`, as `${n}` would; returns where it ends. */
function writeDigits(into: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = at + digits - 1, rest = n; i >= at; i--, rest = Math.floor(rest / 10)) into[i] = 48 + (rest % 10);
  return at + digits;
}
