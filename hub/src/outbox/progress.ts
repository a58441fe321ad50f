import { and, eq, inArray, isNotNull, isNull, lte, notInArray, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import { CLOSED_STATUSES } from '../../../contract';
import type { Db } from '../db/client';
import { DomainError } from '../errors';
import type { Keyring } from '../privacy/keyring';
import { applyInboundEvent } from './inbound';
import type { Routing } from './routing';

/**
 * Asks destinations that do not push their progress what became of the
 * reports they have, and applies what they answer to each timeline.
 */
export async function pollProgress(
  { db, routing, keyring, logger }: { db: Db; routing: Routing; keyring: Keyring; logger?: Logger },
  now: Date,
  { batch, pollIntervalMs }: { batch: number; pollIntervalMs: number },
): Promise<void> {
  const { deliveries, reports } = db.$tables;
  // Only reports at destinations that are polled: the others would fill every batch and never leave it.
  const pollable = routing.pollable();
  if (!pollable.length) return;
  const due = await db
    .select({ delivery: deliveries })
    .from(deliveries)
    .innerJoin(reports, eq(deliveries.reportId, reports.id))
    .where(
      and(
        eq(deliveries.kind, 'report'),
        inArray(deliveries.destination, pollable),
        eq(deliveries.state, 'delivered'),
        isNotNull(deliveries.externalRef),
        notInArray(reports.status, [...CLOSED_STATUSES]),
        or(isNull(deliveries.nextPollAt), lte(deliveries.nextPollAt, now)),
      ),
    )
    .limit(batch);
  for (const { delivery } of due) {
    const destination = routing.destination(delivery.destination);
    if (!destination?.poll || !delivery.externalRef) continue;
    let cursor = delivery.pollCursor;
    try {
      const result = await destination.poll(delivery.externalRef, cursor);
      for (const event of result.events) {
        try {
          await applyInboundEvent(db, delivery.destination, event, { keyring, now, impossibleTime: 'clamp' });
        } catch (error) {
          // A repeat or a move the workflow refuses: noted, and the poll moves past it.
          if (!(error instanceof DomainError)) throw error;
          logger?.warn({ delivery: delivery.id, code: error.code }, 'polled event not applied');
        }
      }
      cursor = result.cursor;
    } catch (error) {
      logger?.warn({ delivery: delivery.id, err: error }, 'poll failed');
    }
    await db
      .update(deliveries)
      .set({ pollCursor: cursor, nextPollAt: new Date(now.getTime() + pollIntervalMs) })
      .where(eq(deliveries.id, delivery.id));
  }
}
