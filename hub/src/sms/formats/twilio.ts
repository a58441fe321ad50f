import { getSignatureAlgorithm, validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { type GatewayRequest, header, type OutgoingSms, SmsRefusal, sendRequest } from '../gateway';

export interface TwilioOptions {
  name: string;
  accountSid: string;
  authToken: string;
  /** The number (or Messaging Service, `MG…`) the hub's answers come from. */
  from: string;
  /** Twilio's REST API; another address for a provider that speaks the same API. */
  apiUrl?: string;
  /** The address Twilio posts to, exactly as configured there, when it differs from the hub's public address. */
  webhookUrl?: string;
  timeoutMs?: number;
}

/**
 * Twilio's messaging webhook, the form post many SMS providers copy: `From`,
 * `To`, `Body` and `MessageSid`, signed in `X-Twilio-Signature` over the
 * address and the sorted fields. The check is Twilio's own helper from its
 * library (validateRequest): it tries the address with and without its
 * port, as Twilio may have signed either, and knows the newer signature
 * settings header. Answers go out through the Messages API with basic
 * authentication.
 */
export function twilioGateway(options: TwilioOptions) {
  const { name, accountSid, authToken, from, webhookUrl, timeoutMs = 15_000 } = options;
  const apiUrl = (options.apiUrl ?? 'https://api.twilio.com').replace(/\/$/, '');
  return {
    // Empty TwiML: Twilio sends nothing itself; the hub answers through the outbox.
    acknowledgement: { body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>', contentType: 'text/xml' },

    receive({ url, headers, body }: GatewayRequest) {
      const form = new URLSearchParams(body);
      const params: Record<string, string | string[]> = {};
      for (const key of new Set(form.keys())) {
        const values = form.getAll(key);
        params[key] = values.length > 1 ? values : (values[0] ?? '');
      }
      const signature = header(headers, 'x-twilio-signature');
      if (!signature) throw new SmsRefusal(401, 'X-Twilio-Signature is required');
      const algorithm = getSignatureAlgorithm(header(headers, 'x-twilio-webhooks-signature-settings') ?? '');
      if (!validateRequest(authToken, signature, webhookUrl ?? url, params, algorithm)) {
        throw new SmsRefusal(401, 'X-Twilio-Signature does not match the auth token and address');
      }
      if (form.get('AccountSid') !== accountSid) throw new SmsRefusal(401, 'AccountSid is not this gateway’s');
      const id = form.get('MessageSid') ?? form.get('SmsSid');
      const sender = form.get('From');
      const text = form.get('Body');
      if (!id || !sender || text === null) throw new SmsRefusal(400, 'A message carries MessageSid, From and Body');
      return { id, from: sender, to: form.get('To') ?? undefined, text };
    },

    async send({ to, text }: OutgoingSms) {
      const form = new URLSearchParams({
        To: to,
        Body: text,
        ...(from.startsWith('MG') ? { MessagingServiceSid: from } : { From: from }),
      });
      await sendRequest(name, `${apiUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
        },
        body: form.toString(),
        timeoutMs,
      });
    },
  };
}
