import type { Db, Tx } from '../db/client';
import { DomainError } from '../errors';
import type { Keyring } from '../privacy/keyring';
import { markDuplicate } from '../reports/duplicates';
import { findReportForDestination } from '../reports/views';
import { recordMessage, recordTransition } from '../workflow/transitions';
import type { InboundEvent } from './destination';

/** How far a destination's clock may differ from ours before its times are not believed. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Applies an event a destination reported (pushed to the events endpoint or
 * found by polling): once per event id, through the workflow's allowed
 * moves, all or nothing. An event cannot have happened before the report
 * reached us or after now: a pushed event with such a time is refused (its
 * sender can correct it); a polled one is kept at the nearest possible time,
 * since the move itself is real and polling cannot send it back.
 */
export async function applyInboundEvent(
  db: Db,
  destination: string,
  event: InboundEvent,
  { keyring, now, impossibleTime }: { keyring: Keyring; now: Date; impossibleTime: 'refuse' | 'clamp' },
): Promise<void> {
  const report = await findReportForDestination(db, destination, event.report);
  if (!report) throw new DomainError('not_found', 'No report delivered to this destination has this reference');
  if (event.type === 'status' && !event.status) {
    throw new DomainError('validation_failed', 'A status event names its status', {
      fields: { status: { code: 'invalid_type', message: 'Required for a status event' } },
    });
  }
  const original =
    event.type === 'duplicate'
      ? event.original && (await findReportForDestination(db, destination, event.original))
      : undefined;
  if (event.type === 'duplicate' && !original) {
    throw new DomainError('validation_failed', 'A duplicate names the original report this destination has', {
      fields: { original: { code: 'invalid_value', message: 'Not a report delivered to this destination' } },
    });
  }
  const earliest = report.createdAt.getTime() - CLOCK_SKEW_MS;
  const latest = now.getTime() + CLOCK_SKEW_MS;
  let at = event.at ? new Date(event.at) : now;
  if (!(at.getTime() >= earliest && at.getTime() <= latest)) {
    if (impossibleTime === 'refuse') {
      throw new DomainError('validation_failed', 'The event has invalid fields', {
        fields: {
          at: { code: 'out_of_range', message: 'The event is dated before the report was received or after now' },
        },
      });
    }
    at = new Date(Math.min(Math.max(at.getTime() || latest, report.createdAt.getTime()), now.getTime()));
  }
  await db.transaction(async (tx) => {
    if (!(await receivedOnce(tx, destination, event.eventId, now))) {
      throw new DomainError('event_replayed', 'This event was already received');
    }
    if (event.type === 'duplicate' && original) {
      await markDuplicate(tx, keyring, report, original.trackingId, { actor: 'institution', at });
    } else if (event.type === 'status' && event.status) {
      await recordTransition(tx, keyring, report.id, {
        to: event.status,
        actor: 'institution',
        note: event.note,
        at,
        institution: event.institution,
      });
    } else {
      await recordMessage(tx, keyring, report.id, { actor: 'institution', note: event.note ?? '', at });
    }
  });
}

/**
 * Records that a message from `source` (a destination, an SMS gateway, the
 * mail intake) with this id was taken, in the transaction that applies it;
 * false when it was taken before, and then nothing should be applied.
 */
export async function receivedOnce(tx: Tx, source: string, id: string, now: Date): Promise<boolean> {
  const { inboundEvents } = tx.$tables;
  const inserted = await tx
    .insert(inboundEvents)
    .values({ destination: source, eventId: id, receivedAt: now })
    .onConflictDoNothing()
    .returning({ eventId: inboundEvents.eventId });
  return inserted.length > 0;
}
