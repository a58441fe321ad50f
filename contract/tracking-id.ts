/**
 * Tracking IDs: 40 random bits as eight Crockford base32 symbols plus one
 * check symbol, grouped for reading aloud and typing: `LPR-7K3M-9Q2X-T`.
 *
 * The check symbol is Luhn mod 32 over the Crockford alphabet, so every single
 * mistyped symbol and most swaps of neighbours are caught before the hub is
 * asked. Crockford's alphabet has no I, L, O or U, and a reader's I, L and O
 * are taken as 1, 1 and 0.
 */
export const TRACKING_ID_PREFIX = 'LPR';
export const TRACKING_ID_RANDOM_BYTES = 5;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const PAYLOAD_LENGTH = (TRACKING_ID_RANDOM_BYTES * 8) / 5;

export type TrackingIdParse = { ok: true; trackingId: string } | { ok: false; reason: 'format' | 'checksum' };

/** Encodes five random bytes as a grouped Tracking ID. */
export function encodeTrackingId(random: Uint8Array): string {
  if (random.length !== TRACKING_ID_RANDOM_BYTES) {
    throw new RangeError(`a Tracking ID needs ${TRACKING_ID_RANDOM_BYTES} random bytes`);
  }
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let payload = '';
  for (let i = PAYLOAD_LENGTH - 1; i >= 0; i--) {
    payload += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }
  return group(payload + checkSymbol(payload));
}

/**
 * Reads a Tracking ID typed loosely (any case, spaces or dashes anywhere, with
 * or without the prefix, I/L for 1 and O for 0) and returns its canonical form.
 */
export function parseTrackingId(input: string): TrackingIdParse {
  let compact = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length === TRACKING_ID_PREFIX.length + PAYLOAD_LENGTH + 1 && compact.startsWith(TRACKING_ID_PREFIX)) {
    compact = compact.slice(TRACKING_ID_PREFIX.length);
  }
  compact = compact.replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== PAYLOAD_LENGTH + 1 || [...compact].some((c) => !ALPHABET.includes(c))) {
    return { ok: false, reason: 'format' };
  }
  if (luhnSum(compact, 1) % BASE !== 0) return { ok: false, reason: 'checksum' };
  return { ok: true, trackingId: group(compact) };
}

function checkSymbol(payload: string): string {
  return ALPHABET[(BASE - (luhnSum(payload, 2) % BASE)) % BASE] as string;
}

/** Luhn mod N: double every second symbol counting from the right. */
function luhnSum(symbols: string, firstFactor: 1 | 2): number {
  let factor = firstFactor;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    const product = ALPHABET.indexOf(symbols[i] as string) * factor;
    sum += Math.floor(product / BASE) + (product % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return sum;
}

function group(symbols: string): string {
  return `${TRACKING_ID_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}
