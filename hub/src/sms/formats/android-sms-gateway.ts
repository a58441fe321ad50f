import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_TOLERANCE_S } from '../../outbox/signature';
import { type GatewayRequest, header, jsonBody, type OutgoingSms, SmsRefusal, sendRequest } from '../gateway';

export interface AndroidSmsGatewayOptions {
  name: string;
  /** The webhook signing key set in the app (Settings → Webhooks). */
  signingKey: string;
  /** The app's API: its local server (`http://<phone>:8080`) or the cloud's (`https://api.sms-gate.app/3rdparty/v1`). */
  sendUrl: string;
  username: string;
  password: string;
  /** The SIM to send from, on a phone with two. */
  simNumber?: number;
  timeoutMs?: number;
}

/**
 * SMS Gateway for Android™ (sms-gate.app, an app that turns a phone with a
 * SIM card into a gateway; what a school or district office can run on a
 * spare phone). Its webhook posts `{ id, event, payload: { message,
 * phoneNumber, … } }` signed with HMAC-SHA256 over the raw body followed by
 * `X-Timestamp`, hex in `X-Signature`; the top-level `id` identifies the
 * event across retries (the payload's `messageId` is derived from the
 * content and not unique). Messages are sent through its `/message` API
 * with basic authentication.
 */
export function androidSmsGateway(options: AndroidSmsGatewayOptions) {
  const { name, signingKey, sendUrl, username, password, simNumber, timeoutMs = 15_000 } = options;
  return {
    acknowledgement: { body: '{"received":true}', contentType: 'application/json' },

    receive({ headers, body }: GatewayRequest, now: Date) {
      const timestamp = header(headers, 'x-timestamp');
      const signature = header(headers, 'x-signature');
      if (!timestamp || !signature) throw new SmsRefusal(401, 'X-Timestamp and X-Signature are required');
      if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_S) {
        throw new SmsRefusal(401, 'X-Timestamp is not within five minutes of now');
      }
      const expected = createHmac('sha256', signingKey)
        .update(body + timestamp)
        .digest();
      const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new SmsRefusal(401, 'X-Signature does not match the signing key');
      }
      const event = jsonBody(body);
      if (event.event !== 'sms:received') return null;
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      if (
        typeof event.id !== 'string' ||
        typeof payload.phoneNumber !== 'string' ||
        typeof payload.message !== 'string'
      ) {
        throw new SmsRefusal(400, 'An sms:received event carries id, payload.phoneNumber and payload.message');
      }
      return { id: event.id, from: payload.phoneNumber, text: payload.message };
    },

    async send({ key, to, text }: OutgoingSms) {
      const body = JSON.stringify({
        id: key,
        message: text,
        phoneNumbers: [to],
        withDeliveryReport: false,
        ...(simNumber && { simNumber }),
      });
      await sendRequest(name, `${sendUrl.replace(/\/$/, '')}/message`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        },
        body,
        timeoutMs,
      });
    },
  };
}
