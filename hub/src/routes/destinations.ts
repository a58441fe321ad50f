import { Hono } from 'hono';
import * as z from 'zod';
import { REPORT_STATUSES, STORABLE_TEXT, toFieldErrors } from '../../../contract';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { applyInboundEvent } from '../outbox/inbound';
import { checkSignature } from '../outbox/signature';

const inboundEvent = z.object({
  eventId: z.string().min(1).max(200).regex(STORABLE_TEXT),
  report: z.string().min(1).max(200).regex(STORABLE_TEXT),
  type: z.enum(['status', 'message']),
  status: z.enum(REPORT_STATUSES).optional(),
  note: z.string().max(5000).regex(STORABLE_TEXT).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  institution: z.string().min(1).max(300).regex(STORABLE_TEXT).optional(),
});

/**
 * Where destinations report back: a status change (verified, forwarded,
 * followed up…) or an institution's response. Each event is signed with the
 * destination's secret over its timestamp and body; an unsigned, wrongly
 * signed, stale or already-seen event is refused and changes nothing.
 */
export function destinationRoutes({ db, keyring, routing, clock }: ResolvedDeps) {
  return new Hono().post('/:name/events', async (c) => {
    const name = c.req.param('name');
    const destination = routing.destination(name);
    if (!destination?.inboundSecret) throw new DomainError('not_found', 'No destination of this name takes events');
    const body = await c.req.text();
    const signature = checkSignature(destination.inboundSecret, body, {
      timestamp: c.req.header('x-lapor-timestamp'),
      signature: c.req.header('x-lapor-signature'),
    });
    if (signature !== 'ok') throw new DomainError('invalid_signature', `The event's signature is ${signature}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (cause) {
      throw new DomainError('invalid_json', 'The event is not valid JSON', { cause });
    }
    const parsed = inboundEvent.safeParse(json);
    if (!parsed.success) {
      throw new DomainError('validation_failed', 'The event has invalid fields', {
        fields: toFieldErrors(parsed.error.issues),
      });
    }
    await applyInboundEvent(db, name, parsed.data, { keyring, now: clock(), impossibleTime: 'refuse' });
    return c.json({ accepted: true });
  });
}
