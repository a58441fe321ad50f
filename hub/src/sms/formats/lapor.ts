import { timingSafeEqual } from 'node:crypto';
import { checkSignature, signedHeaders } from '../../outbox/signature';
import { type GatewayRequest, header, jsonBody, type OutgoingSms, SmsRefusal, sendRequest } from '../gateway';

export interface LaporFormatOptions {
  name: string;
  /** Signs both ways (as the hub's webhooks do), or is sent as a bearer token by a gateway that cannot sign. */
  secret: string;
  /** Where the hub posts its answers: `{ id, to, text }`, signed. */
  sendUrl: string;
  timeoutMs?: number;
}

/**
 * The hub's own format, for any gateway a few lines of script can adapt
 * (Gammu's or Kannel's hooks, a provider's callback): a JSON object (or a
 * form) `{ id, from, to?, text }`, signed like the hub's webhooks
 * (`X-Lapor-Timestamp`, `X-Lapor-Signature: sha256=<hex>` over
 * `timestamp.body`) or carrying the secret as `Authorization: Bearer`.
 * Answers go to `sendUrl` as `{ id, to, text }`, signed the same way; 2xx
 * (or 409, already taken) is sent.
 */
export function laporFormat({ name, secret, sendUrl, timeoutMs = 15_000 }: LaporFormatOptions) {
  return {
    acknowledgement: { body: '{"received":true}', contentType: 'application/json' },

    receive({ headers, body }: GatewayRequest, now: Date) {
      const bearer = /^Bearer (.+)$/.exec(header(headers, 'authorization') ?? '')?.[1];
      if (bearer !== undefined) {
        const given = Buffer.from(bearer);
        const expected = Buffer.from(secret);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          throw new SmsRefusal(401, 'The bearer token is not this gateway’s');
        }
      } else {
        const check = checkSignature(
          secret,
          body,
          { timestamp: header(headers, 'x-lapor-timestamp'), signature: header(headers, 'x-lapor-signature') },
          now.getTime(),
        );
        if (check !== 'ok') throw new SmsRefusal(401, `The signature is ${check}`);
      }
      const isForm = (header(headers, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
      const fields = isForm ? Object.fromEntries(new URLSearchParams(body)) : jsonBody(body);
      const { id, from, to, text } = fields;
      if (typeof id !== 'string' || !id || typeof from !== 'string' || !from || typeof text !== 'string') {
        throw new SmsRefusal(400, 'A message carries id, from and text');
      }
      return { id, from, ...(typeof to === 'string' && to && { to }), text };
    },

    async send({ key, to, text }: OutgoingSms) {
      const body = JSON.stringify({ id: key, to, text });
      await sendRequest(name, sendUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...signedHeaders(secret, body) },
        body,
        timeoutMs,
      });
    },
  };
}
