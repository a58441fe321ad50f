import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { maskPersonalData } from '../../../contract';
import { DomainError } from '../errors';

/**
 * What the links in the hub's emails carry. A confirmation link holds a
 * random token that only the email has (the database keeps its hash); a
 * stop link holds a keyed hash of what it stops, so it needs no storage.
 */

/** A fresh confirmation token, and its hash as stored: the token is only in the email. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: confirmTokenHash(token) };
}

export const confirmTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The token of a link for `subject` (`opt-out:LPR-…`): proves the hub made the link, for that subject only. */
export function signedToken(secret: string, subject: string): string {
  return createHmac('sha256', secret).update(subject).digest('base64url');
}

/** Whether `token` is the link's token for `subject` under any of `secrets` (the current key's, or an older one's). */
export function signedTokenMatches(secrets: readonly string[], subject: string, token: string): boolean {
  return signedByAny(secrets, token, (secret) => signedToken(secret, subject));
}

/**
 * Whether `given` is what `sign` makes with one of `secrets`, compared in
 * constant time: the secrets are one purpose's from each data key, so what
 * the hub signed before a key rotation still holds after it.
 */
export function signedByAny(secrets: readonly string[], given: string, sign: (secret: string) => string): boolean {
  const bytes = Buffer.from(given);
  return secrets.some((secret) => {
    const expected = Buffer.from(sign(secret));
    return expected.length === bytes.length && timingSafeEqual(expected, bytes);
  });
}

/**
 * Why a confirmation email asked for on a request did not go out, as the
 * visitor is told (`email_unavailable`). A mail server's refusal quotes the
 * address back: masked before it goes anywhere.
 */
export function unsent(cause: unknown): DomainError {
  const reason = maskPersonalData(cause instanceof Error ? cause.message : String(cause));
  return new DomainError('email_unavailable', 'The confirmation email could not be sent; please try again later', {
    cause: new Error(reason),
  });
}
