import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ResolvedDeps } from '../app';
import { takeSms } from '../sms/conversation';
import type { SmsGateway } from '../sms/gateway';
import { SmsRefusal } from '../sms/gateway';

/** An SMS webhook's body is one message and its envelope: far below this. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

/**
 * SMS gateways' webhooks at /sms/v1/{gateway} (sms/gateways.ts, configured
 * in DATA_DIR/sms.json): each request is checked as its format signs it,
 * the message taken (sms/conversation.ts), and the gateway answered as it
 * expects. A refusal is plain text with its status (401 not the gateway's,
 * 400 unreadable); a message already taken is acknowledged again, as
 * gateways retry what they think was lost.
 */
export function smsRoutes(deps: ResolvedDeps, gateways: ReadonlyMap<string, SmsGateway>) {
  const app = new Hono();
  app.post(
    '/:gateway',
    bodyLimit({ maxSize: MAX_WEBHOOK_BYTES, onError: (c) => c.text('The body is too large for an SMS webhook', 413) }),
    async (c) => {
      const gateway = gateways.get(c.req.param('gateway'));
      if (!gateway) return c.text('No SMS gateway has this name', 404);
      const now = deps.clock();
      const requested = new URL(c.req.url);
      // The address the gateway signed is the one it posted to: behind a proxy, the hub's public one.
      const url = deps.publicUrl
        ? `${deps.publicUrl.replace(/\/$/, '')}${requested.pathname}${requested.search}`
        : c.req.url;
      const sms = gateway.receive({ url, headers: c.req.raw.headers, body: await c.req.text() }, now);
      if (sms) await takeSms({ ...deps, reportsPerHour: deps.rateLimits.reportsPerHour }, gateway, sms, now);
      const { body, contentType } = gateway.acknowledgement;
      return c.body(body, 200, { 'Content-Type': contentType });
    },
  );
  app.onError((error, c) => {
    if (error instanceof SmsRefusal) return c.text(error.message, error.status);
    throw error;
  });
  return app;
}
