import { Hono } from 'hono';
import { listen } from '../listen';
import { checkSignature } from '../outbox/signature';

/**
 * An institution's complaint system on loopback, for the outbox tests: it
 * checks each delivery's signature, files each idempotency key once, and
 * can be told to fail, to answer slowly, or to hold its answers until a test
 * releases them (then `answered()` tells when it has).
 */
export async function startWebhookPeer(secret: string) {
  const filed = new Map<string, { trackingId: string; reference: string }>();
  const received: string[] = [];
  const actions: { key: string; type: string; trackingId: string }[] = [];
  const faults: { failNext: number; failStatus: number; delayMs: number; hold?: Promise<void> } = {
    failNext: 0,
    failStatus: 500,
    delayMs: 0,
  };
  let answeredCount = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const app = new Hono();
  app.use(async function countAnswers(_, next) {
    await next();
    answeredCount++;
    for (const waiter of waiters.filter((w) => w.count <= answeredCount)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  app.post('/hook', async (c) => {
    const body = await c.req.text();
    const signature = checkSignature(secret, body, {
      timestamp: c.req.header('x-lapor-timestamp'),
      signature: c.req.header('x-lapor-signature'),
    });
    if (signature !== 'ok') return c.json({ error: signature }, 401);
    const key = c.req.header('idempotency-key') ?? '';
    received.push(key);
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    await faults.hold;
    if (faults.failNext > 0) {
      faults.failNext--;
      return c.json({ error: 'busy' }, faults.failStatus as 500);
    }
    const existing = filed.get(key);
    if (existing) return c.json({ reference: existing.reference }, 409);
    const message = JSON.parse(body) as {
      type: string;
      report?: { trackingId: string };
      action?: { trackingId: string };
    };
    if (message.type !== 'report') {
      actions.push({ key, type: message.type, trackingId: message.action?.trackingId ?? '' });
      filed.set(key, { trackingId: message.action?.trackingId ?? '', reference: '' });
      return c.json({}, 201);
    }
    const { report } = message as { report: { trackingId: string } };
    const entry = { trackingId: report.trackingId, reference: `DISDIK-${filed.size + 1}` };
    filed.set(key, entry);
    return c.json({ reference: entry.reference }, 201);
  });
  const { port, close } = await listen(app.fetch);
  return {
    url: `http://127.0.0.1:${port}/hook`,
    filed,
    received,
    actions,
    faults,
    /** Resolves once the peer has answered `count` requests in all. */
    answered: (count: number) =>
      new Promise<void>((resolve) => {
        if (answeredCount >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    close,
  };
}
