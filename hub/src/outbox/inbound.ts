import type { Db } from '../db/client';
import { inboundEvents } from '../db/schema';
import { ApiError } from '../errors';
import { findReportForDestination } from '../reports/views';
import { recordMessage, recordTransition } from '../workflow/transitions';
import type { InboundEvent } from './destination';

/**
 * Applies an event a destination reported (pushed to the events endpoint or
 * found by polling): once per event id, through the workflow's allowed
 * moves, all or nothing.
 */
export async function applyInboundEvent(db: Db, destination: string, event: InboundEvent): Promise<void> {
  const report = await findReportForDestination(db, destination, event.report);
  if (!report) throw new ApiError(404, 'not_found', 'No report delivered to this destination has this reference');
  if (event.type === 'status' && !event.status) {
    throw new ApiError(400, 'validation_failed', 'A status event names its status', {
      fields: { status: { code: 'invalid_type', message: 'Required for a status event' } },
    });
  }
  const at = event.at ? new Date(event.at) : new Date();
  await db.transaction(async (tx) => {
    const received = await tx
      .insert(inboundEvents)
      .values({ destination, eventId: event.eventId, receivedAt: new Date() })
      .onConflictDoNothing()
      .returning({ eventId: inboundEvents.eventId });
    if (!received.length) throw new ApiError(409, 'event_replayed', 'This event was already received');
    if (event.type === 'status' && event.status) {
      await recordTransition(tx, report.id, {
        to: event.status,
        actor: 'institution',
        note: event.note,
        at,
        institution: event.institution,
      });
    } else {
      await recordMessage(tx, report.id, { actor: 'institution', note: event.note ?? '', at });
    }
  });
}
