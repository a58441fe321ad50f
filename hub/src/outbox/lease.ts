import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { maskPersonalData } from '../../../contract';
import type { Db } from '../db/client';
import { placeholdersFor, prepared } from '../db/prepared';
import type { Delivery } from '../db/schema';
import { REPORTER_SMS } from '../notifications/queue';
import { DeliveryError } from './destination';

/** Claiming due deliveries with a lease, and recording what became of each attempt. */

export interface LeaseOptions {
  /** How long a worker holds a claimed delivery before another may take it over. */
  leaseMs: number;
  /** Deliveries a worker claims at once. */
  batch: number;
  /** After this many failed attempts a delivery waits for the operator. */
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it, up to `maxDelayMs`, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with full jitter: spreads retries so a recovering destination is not flooded. */
export function retryDelay(
  attempt: number,
  options: Pick<LeaseOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Leases a batch of due deliveries, in the order they were queued (a report
 * before the reporter's actions on it). On PostgreSQL several hub processes
 * claim at once, each skipping the rows another is claiming; SQLite's write
 * transaction holds the whole file, so claims there take turns.
 */
export function claimDue(
  db: Db,
  now: Date,
  { leaseMs, batch }: Pick<LeaseOptions, 'leaseMs' | 'batch'>,
  { withNotifications = true }: { withNotifications?: boolean } = {},
) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return db.transaction(async (tx): Promise<Delivery[]> => {
    const { deliveries } = tx.$tables;
    const query = tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.state, 'pending'),
          lte(deliveries.nextAttemptAt, now),
          or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
          // News by SMS goes through a gateway, not the mailer: any process takes it.
          withNotifications
            ? undefined
            : or(ne(deliveries.kind, 'notification'), eq(deliveries.destination, REPORTER_SMS)),
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt))
      .limit(batch);
    const due = (await (db.$dialect === 'postgres' ? query.for('update', { skipLocked: true }) : query)).map(
      (row) => row.id,
    );
    if (!due.length) return [];
    const claimed = await tx.update(deliveries).set({ leaseUntil }).where(inArray(deliveries.id, due)).returning();
    return claimed.sort((a, b) => a.id - b.id);
  });
}

/** Records a change to a claimed delivery (its outcome, or when to look again), releasing or keeping its lease. */
export async function settle(db: Db, delivery: Delivery, change: Partial<Delivery>): Promise<void> {
  const { deliveries } = db.$tables;
  await db.update(deliveries).set(change).where(eq(deliveries.id, delivery.id));
}

const markDelivered = prepared('mark_delivered', (db) => {
  const { deliveries } = db.$tables;
  return db
    .update(deliveries)
    .set({
      ...placeholdersFor<Delivery>({ deliveredAt: 'now', attempts: 'attempts' }),
      state: 'delivered',
      leaseUntil: null,
      lastError: null,
      // A destination that gives no reference leaves the one it gave before, if any.
      externalRef: sql`coalesce(${sql.placeholder('externalRef')}, ${deliveries.externalRef})`,
    })
    .where(eq(deliveries.id, sql.placeholder('id')));
});

/** Sent: the destination's reference kept, if it gave one. */
export async function delivered(db: Db, delivery: Delivery, now: Date, externalRef?: string): Promise<void> {
  await markDelivered(db).execute({
    id: delivery.id,
    now,
    attempts: delivery.attempts + 1,
    externalRef: externalRef || null,
  });
}

/** Nothing to send any more (the reporter opted out, nothing is due): settled without sending, and why. */
export function settledUnsent(db: Db, delivery: Delivery, now: Date, reason: string): Promise<void> {
  return settle(db, delivery, { state: 'delivered', deliveredAt: now, leaseUntil: null, lastError: reason });
}

/** Not sent, and not the destination's fault: looked at again after `delayMs`, the attempt not counted. */
export function waitFor(db: Db, delivery: Delivery, now: Date, delayMs: number, reason?: string): Promise<void> {
  return settle(db, delivery, {
    leaseUntil: null,
    ...(reason && { lastError: reason }),
    nextAttemptAt: new Date(now.getTime() + delayMs),
  });
}

/** Schedules the next attempt with backoff, or parks the delivery for the operator; says whether it parked it. */
export async function failed(
  db: Db,
  delivery: Delivery,
  error: unknown,
  now: Date,
  options: Pick<LeaseOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>,
): Promise<{ attempts: number; parked: boolean }> {
  const attempts = delivery.attempts + 1;
  const retryable = !(error instanceof DeliveryError) || error.retryable;
  const parked = !retryable || attempts >= options.maxAttempts;
  await settle(db, delivery, {
    attempts,
    leaseUntil: null,
    // Mail servers quote the recipient (`550 <andi@…>: no such user`): kept for the operator, masked.
    lastError: maskPersonalData((error as Error).message).slice(0, 500),
    state: parked ? 'needs_attention' : 'pending',
    nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, options)),
  });
  return { attempts, parked };
}
