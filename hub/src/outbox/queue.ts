import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { prepared } from '../db/prepared';
import type { Delivery } from '../db/schema';

/**
 * Putting things into the outbox: what the filing, the reporter's actions
 * and the notifications call, each inside the transaction that records what
 * is delivered. It sits below the worker that empties the outbox, so the
 * workflow can queue without importing the worker.
 */

const insertDelivery = prepared('insert_delivery', (db) => {
  const { deliveries } = db.$tables;
  return db.insert(deliveries).values({
    reportId: sql.placeholder('reportId'),
    destination: sql.placeholder('destination'),
    kind: sql.placeholder('kind'),
    eventId: sql.placeholder('eventId'),
    idempotencyKey: sql.placeholder('idempotencyKey'),
    state: 'pending',
    nextAttemptAt: sql.placeholder('now'),
    createdAt: sql.placeholder('now'),
  });
});

/** Queues a delivery inside the transaction that records what it delivers, so both exist or neither. */
async function enqueue(tx: Tx, row: Pick<Delivery, 'reportId' | 'destination' | 'kind' | 'eventId'>, now: Date) {
  await insertDelivery(tx).execute({ ...row, idempotencyKey: randomUUID(), now });
}

/** Queues a report's delivery inside the transaction that stores it; every report takes this path. */
export function enqueueDelivery(tx: Tx, reportId: number, destination: string, now: Date): Promise<void> {
  return enqueue(tx, { reportId, destination, kind: 'report', eventId: null }, now);
}

/** Queues a reporter's action (its timeline event) for the destination the report went to. */
export function enqueueAction(
  tx: Tx,
  reportId: number,
  destination: string,
  kind: ActionKind,
  eventId: number,
  now: Date,
): Promise<void> {
  return enqueue(tx, { reportId, destination, kind, eventId }, now);
}

export type ActionKind = Exclude<Delivery['kind'], 'report' | 'reminder'>;

/** Queues a reminder to the desk the report went to, inside the transaction that records it (desk/reminders.ts). */
export function enqueueReminder(tx: Tx, reportId: number, destination: string, now: Date): Promise<void> {
  return enqueue(tx, { reportId, destination, kind: 'reminder', eventId: null }, now);
}
