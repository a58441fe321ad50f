import { Hono } from 'hono';
import { listen } from '../listen';
import { checkSignature } from '../outbox/signature';

/** An SMS as a gateway's send API took it. */
export interface SentSms {
  via: 'android' | 'twilio' | 'lapor';
  to: string;
  text: string;
  /** The message id the hub gave, where the API takes one. */
  id?: string;
}

export const PEER_LOGIN = { username: 'sms', password: 'rahasia-gateway' };
export const TWILIO_ACCOUNT = { sid: 'AC0123456789abcdef0123456789abcdef', token: 'twilio-auth-token-0123456789' };

/**
 * Three SMS gateways' send APIs on loopback, as their documentation gives
 * them: SMS Gateway for Android's `POST /message` (basic auth, JSON
 * `{ id, message, phoneNumbers }`), Twilio's `POST
 * /2010-04-01/Accounts/{sid}/Messages.json` (basic auth with the account
 * SID and token, a form of `To`, `From`, `Body`), and the hub's own format
 * (`{ id, to, text }` signed with `secret`). `failNext` answers that many
 * requests with `failStatus`.
 */
export async function startSmsPeer(secret: string) {
  const sent: SentSms[] = [];
  const faults = { failNext: 0, failStatus: 503 };
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const app = new Hono();
  app.use(async (c, next) => {
    if (faults.failNext > 0) {
      faults.failNext--;
      return c.json({ message: 'unavailable' }, faults.failStatus as 503);
    }
    await next();
  });
  app.post('/android/message', async (c) => {
    if (c.req.header('authorization') !== basic(PEER_LOGIN.username, PEER_LOGIN.password)) {
      return c.json({ message: 'Unauthorized' }, 401);
    }
    const body = (await c.req.json()) as { id: string; message: string; phoneNumbers: string[] };
    for (const to of body.phoneNumbers) sent.push({ via: 'android', to, text: body.message, id: body.id });
    return c.json(
      {
        id: body.id,
        state: 'Pending',
        recipients: body.phoneNumbers.map((p) => ({ phoneNumber: p, state: 'Pending' })),
      },
      202,
    );
  });
  app.post('/twilio/2010-04-01/Accounts/:sid/Messages.json', async (c) => {
    if (
      c.req.param('sid') !== TWILIO_ACCOUNT.sid ||
      c.req.header('authorization') !== basic(TWILIO_ACCOUNT.sid, TWILIO_ACCOUNT.token)
    ) {
      return c.json({ code: 20003, message: 'Authenticate', status: 401 }, 401);
    }
    const form = new URLSearchParams(await c.req.text());
    const [to, from, text] = [form.get('To'), form.get('From'), form.get('Body')];
    if (!to || !from || !text)
      return c.json({ code: 21604, message: 'A To, From and Body are required', status: 400 }, 400);
    sent.push({ via: 'twilio', to, text });
    return c.json({ sid: `SM${sent.length}`, status: 'queued', to, from, body: text }, 201);
  });
  app.post('/lapor/send', async (c) => {
    const body = await c.req.text();
    const check = checkSignature(secret, body, {
      timestamp: c.req.header('x-lapor-timestamp'),
      signature: c.req.header('x-lapor-signature'),
    });
    if (check !== 'ok') return c.json({ error: check }, 401);
    const message = JSON.parse(body) as { id: string; to: string; text: string };
    sent.push({ via: 'lapor', to: message.to, text: message.text, id: message.id });
    return c.json({ accepted: true }, 202);
  });
  const { port, close } = await listen(app.fetch);
  return { url: `http://127.0.0.1:${port}`, sent, faults, close };
}
