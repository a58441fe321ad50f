import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import { eq, lt } from 'drizzle-orm';
import type { PowChallenge } from '../../../contract';
import type { Db, Tx } from '../db/client';
import { DomainError } from '../errors';

/**
 * A self-hosted proof of work in the ALTCHA format: the hub hands out a
 * signed puzzle (find the number whose SHA-256 with the salt is given), the
 * form solves it in the background, and a report carries the solution.
 * Cheap for one visitor, costly for a flood, and no third party involved.
 */
export interface ProofOfWork {
  /** The largest secret number: the work is about half of this many hashes. */
  maxNumber: number;
  /** How long a puzzle stays valid. */
  ttlMs: number;
  /** Signs the puzzles; every hub process must share it. */
  secret: string;
}

export const DEFAULT_POW = { maxNumber: 50_000, ttlMs: 10 * 60 * 1000 };

export async function issueChallenge(pow: ProofOfWork, now = new Date()): Promise<PowChallenge> {
  const challenge = await createChallenge({
    hmacKey: pow.secret,
    maxNumber: pow.maxNumber,
    expires: new Date(now.getTime() + pow.ttlMs),
  });
  return { ...challenge, algorithm: 'SHA-256', maxnumber: pow.maxNumber };
}

export interface Solution {
  signature: string;
  expiresAt: Date;
  /** Already used: acceptable only for a retry that the Idempotency-Key answers from the first time. */
  spent: boolean;
}

/**
 * Checks the solution in the `X-Altcha` header (base64 JSON) before the body
 * is read, so a flood is turned away cheaply; the solution is spent only
 * when a report is stored.
 */
export async function checkSolution(db: Db, pow: ProofOfWork, header: string | undefined): Promise<Solution> {
  const { spentChallenges } = db.$tables;
  if (!header) {
    throw new DomainError('challenge_required', 'Solve GET /api/v1/challenge and send the solution as X-Altcha');
  }
  let payload: { signature?: unknown };
  try {
    payload = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    throw new DomainError('challenge_failed', 'X-Altcha is not a base64 JSON solution');
  }
  const valid = await verifySolution(payload as Parameters<typeof verifySolution>[0], pow.secret, true).catch(
    () => false,
  );
  if (!valid || typeof payload.signature !== 'string') {
    throw new DomainError('challenge_failed', 'The solution is wrong or its challenge has expired');
  }
  const signature = payload.signature;
  const spent = (await db.select().from(spentChallenges).where(eq(spentChallenges.signature, signature))).length > 0;
  const expires = Number(extractParams(payload as Parameters<typeof extractParams>[0]).expires);
  const expiresAt = new Date(Number.isFinite(expires) ? expires * 1000 : Date.now() + DEFAULT_POW.ttlMs);
  return { signature, expiresAt, spent };
}

export const replayedSolution = () =>
  new DomainError('challenge_replayed', 'This solution was already used; solve a new challenge');

/** Marks the solution used, inside the report's transaction: a race between two uses leaves one report. */
export async function spendSolution(tx: Tx, solution: Solution, now = new Date()): Promise<void> {
  const { spentChallenges } = tx.$tables;
  await tx.delete(spentChallenges).where(lt(spentChallenges.expiresAt, now));
  const { signature, expiresAt } = solution;
  const spent = await tx
    .insert(spentChallenges)
    .values({ signature, expiresAt })
    .onConflictDoNothing()
    .returning({ signature: spentChallenges.signature });
  if (!spent.length) throw replayedSolution();
}
