import { Hono } from 'hono';
import * as z from 'zod';
import { REPORT_STATUSES, toFieldErrors } from '../../../contract';
import type { ResolvedDeps } from '../app';
import { inboundEvents } from '../db/schema';
import { ApiError } from '../errors';
import { checkSignature } from '../outbox/signature';
import { findReportForDestination } from '../reports/views';
import { recordMessage, recordTransition } from '../workflow/transitions';

const inboundEvent = z.object({
  eventId: z.string().min(1).max(200),
  report: z.string().min(1).max(200),
  type: z.enum(['status', 'message']),
  status: z.enum(REPORT_STATUSES).optional(),
  note: z.string().max(5000).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Where destinations report back: a status change (verified, forwarded,
 * followed up…) or an institution's response. Each event is signed with the
 * destination's secret over its timestamp and body; an unsigned, wrongly
 * signed, stale or already-seen event is refused and changes nothing.
 */
export function destinationRoutes({ db, routing }: ResolvedDeps) {
  return new Hono().post('/:name/events', async (c) => {
    const name = c.req.param('name');
    const destination = routing.destination(name);
    if (!destination?.inboundSecret) throw new ApiError(404, 'not_found', 'No destination of this name takes events');
    const body = await c.req.text();
    const signature = checkSignature(destination.inboundSecret, body, {
      timestamp: c.req.header('x-lapor-timestamp'),
      signature: c.req.header('x-lapor-signature'),
    });
    if (signature !== 'ok') throw new ApiError(401, 'invalid_signature', `The event's signature is ${signature}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (cause) {
      throw new ApiError(400, 'invalid_json', 'The event is not valid JSON', { cause });
    }
    const parsed = inboundEvent.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(400, 'validation_failed', 'The event has invalid fields', {
        fields: toFieldErrors(parsed.error.issues),
      });
    }
    const event = parsed.data;
    if (event.type === 'status' && !event.status) {
      throw new ApiError(400, 'validation_failed', 'A status event names its status', {
        fields: { status: { code: 'invalid_type', message: 'Required for a status event' } },
      });
    }
    const report = findReportForDestination(db, name, event.report);
    if (!report) throw new ApiError(404, 'not_found', 'No report delivered to this destination has this reference');
    const at = event.at ? new Date(event.at) : new Date();
    const actor = 'institution' as const;
    db.transaction((tx) => {
      const { changes } = tx
        .insert(inboundEvents)
        .values({ destination: name, eventId: event.eventId, receivedAt: new Date() })
        .onConflictDoNothing()
        .run();
      if (!changes) throw new ApiError(409, 'event_replayed', 'This event was already received');
      if (event.type === 'status' && event.status) {
        recordTransition(tx, report.id, { to: event.status, actor, note: event.note, at });
      } else {
        recordMessage(tx, report.id, { actor, note: event.note ?? '', at });
      }
    });
    return c.json({ accepted: true });
  });
}
