import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import { inboundEventSchema } from '../../../contract/requests';
import { acceptedSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { applyInboundEvent } from '../outbox/inbound';
import type { Routing } from '../outbox/routing';
import { checkSignature } from '../outbox/signature';
import { answer, failures, routes } from './declare';

/**
 * The event must be signed by the destination it names, over the body's
 * exact bytes: checked before the body is parsed, and an unsigned event is
 * refused whatever it holds.
 */
const signedByDestination = (routing: Routing) =>
  createMiddleware(async function signedByDestination(c, next) {
    const destination = routing.destination(c.req.param('name') ?? '');
    if (!destination?.inboundSecret) throw new DomainError('not_found', 'No destination of this name takes events');
    const signature = checkSignature(destination.inboundSecret, await c.req.text(), {
      timestamp: c.req.header('x-lapor-timestamp'),
      signature: c.req.header('x-lapor-signature'),
    });
    if (signature !== 'ok') throw new DomainError('invalid_signature', `The event's signature is ${signature}`);
    await next();
  });

const receiveEvent = (routing: Routing) =>
  createRoute({
    method: 'post',
    path: '/{name}/events',
    operationId: 'receiveDestinationEvent',
    summary: 'A destination reports a status change or a response',
    description:
      'Signed like the deliveries: `X-Lapor-Timestamp` (Unix seconds, within 5 minutes) and `X-Lapor-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body" with the shared secret>`. Each `eventId` is taken once.',
    middleware: [signedByDestination(routing)] as const,
    request: {
      params: z.object({
        name: z.string().meta({ description: 'The destination, as configured in destinations.json.' }),
      }),
      body: { required: true, content: { 'application/json': { schema: inboundEventSchema } } },
    },
    responses: {
      200: answer('Recorded.', acceptedSchema),
      ...failures({
        400: 'Invalid event.',
        401: 'Missing, wrong or stale signature (`invalid_signature`).',
        404: 'No such destination, or no report delivered to it with this reference.',
        409: 'An event already received (`event_replayed`) or a move the workflow does not allow (`invalid_transition`).',
        415: 'Not JSON (`unsupported_media_type`).',
      }),
    },
  });

/**
 * Where destinations report back: a status change (verified, forwarded,
 * followed up…) or an institution's response. An unsigned, wrongly signed,
 * stale or already-seen event is refused and changes nothing.
 */
export function destinationRoutes({ db, keyring, routing, clock }: ResolvedDeps) {
  return routes().openapi(receiveEvent(routing), async (c) => {
    await applyInboundEvent(db, c.req.valid('param').name, c.req.valid('json'), {
      keyring,
      now: clock(),
      impossibleTime: 'refuse',
    });
    return c.json({ accepted: true as const }, 200);
  });
}
