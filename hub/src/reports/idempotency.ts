import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { ReportCreated, ValidReport } from '../../../contract';
import type { Db, Tx } from '../db/client';
import { DomainError } from '../errors';
import { randomBytes } from '../privacy/random';

/** How long a retry with the same key gets the first answer back. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Printable ASCII without spaces, long enough to be unguessable (a UUID fits). */
const KEY_FORMAT = /^[\x21-\x7e]{16,255}$/;

/** The Idempotency-Key header, checked; absent means the client did not ask for idempotency. */
export function idempotencyKeyFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY_FORMAT.test(header)) {
    throw new DomainError('invalid_idempotency_key', 'Idempotency-Key must be 16 to 255 printable characters');
  }
  return header;
}

/** Identifies a submission by its validated content and its files' digests, so formatting differences do not matter. */
export function requestHash(input: ValidReport, fileDigests: readonly string[] = []): string {
  return sha256(JSON.stringify([input, fileDigests]));
}

/**
 * The answer already given for this key, if the same report was sent with it
 * within the window; a different report under a used key is a 409.
 */
export async function replayedAnswer(db: Db, key: string, hash: string, now: Date): Promise<ReportCreated | undefined> {
  const { idempotencyKeys } = db.$tables;
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.keyHash, sha256(key)), gt(idempotencyKeys.createdAt, since)));
  if (!row) return undefined;
  if (row.requestHash !== hash) {
    throw new DomainError('idempotency_conflict', 'This Idempotency-Key was already used for a different report');
  }
  return JSON.parse(unseal(key, row.sealedResponse));
}

/**
 * Another submission under the same key committed first (a retry that raced
 * the original): this one's transaction rolls back, and the first answer is
 * given instead.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('a submission under this Idempotency-Key was stored first');
  }
}

/**
 * Records the answer inside the transaction that stores the report, so both
 * exist or neither. The key is claimed there, not only checked before: two
 * submissions under one key at once (on one hub or two) store one report.
 */
export async function rememberAnswer(
  tx: Tx,
  key: string,
  hash: string,
  reportId: number,
  answer: ReportCreated,
  now: Date,
): Promise<void> {
  const { idempotencyKeys } = tx.$tables;
  const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, since));
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({
      keyHash: sha256(key),
      requestHash: hash,
      reportId,
      sealedResponse: seal(key, JSON.stringify(answer)),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ keyHash: idempotencyKeys.keyHash });
  if (!claimed.length) throw new IdempotencyKeyTaken();
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** AES-256-GCM under a key derived from the client's Idempotency-Key, which the hub never stores. */
function sealingKey(key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'lapor-embed idempotency', 'answer', 32));
}

function seal(key: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
}

function unseal(key: string, stored: string): string {
  const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !sealed) throw new Error('malformed sealed idempotent answer');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
