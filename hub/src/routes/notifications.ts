import { createRoute } from '@hono/zod-openapi';
import { html } from 'hono/html';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import { optOut, optOutTarget } from '../notifications/opt-out';
import { failures, routes } from './declare';
import { pageSecurity } from './middleware/security-headers';

/** The two parts of the opt-out link in a reporter's email. */
const optOutLink = z.object({
  report: z.string().meta({ description: 'The Tracking ID.' }),
  token: z.string().meta({ description: 'From the link.' }),
});
const page = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const showOptOut = createRoute({
  method: 'get',
  path: '/opt-out',
  operationId: 'showOptOut',
  summary: "The opt-out link in a reporter's email: a page with a button",
  request: { query: optOutLink },
  responses: { 200: page('The page.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link.' }) },
});

const confirmOptOut = createRoute({
  method: 'post',
  path: '/opt-out',
  operationId: 'optOut',
  summary: 'Stop the emails about one report (also one-click, RFC 8058)',
  request: { query: optOutLink },
  responses: { 200: page('Done.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link.' }) },
});

/**
 * Stopping a reporter's emails from the link in each. Opening the link
 * shows a button (so a mail scanner that follows links opts no one out);
 * the button, or a mail client's one-click unsubscribe (RFC 8058), POSTs.
 */
export function notificationRoutes({ db, keyring }: ResolvedDeps) {
  const app = routes();
  app.use('/opt-out', pageSecurity());
  return app
    .openapi(showOptOut, async (c) => {
      const { report, token } = c.req.valid('query');
      await optOutTarget(db, keyring, report, token);
      return c.html(askPage(report), 200);
    })
    .openapi(confirmOptOut, async (c) => {
      const { report, token } = c.req.valid('query');
      const { trackingId } = await optOut(db, keyring, report, token);
      return c.html(donePage(trackingId), 200);
    });
}

const askPage = (trackingId: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Berhenti menerima email laporan ${trackingId}</title>
    </head>
    <body>
      <h1>Berhenti menerima email tentang laporan ${trackingId}?</h1>
      <p>Stop emails about report ${trackingId}? Laporan Anda tetap diproses. Your report goes on.</p>
      <form method="post">
        <button>Berhenti / Stop</button>
      </form>
    </body>
  </html>`;

const donePage = (trackingId: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <title>Email dihentikan</title>
    </head>
    <body>
      <p>Anda tidak akan lagi menerima email tentang laporan ${trackingId}. You will get no more emails about it.</p>
    </body>
  </html>`;
