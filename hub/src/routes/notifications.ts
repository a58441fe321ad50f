import { createRoute } from '@hono/zod-openapi';
import { html } from 'hono/html';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import { confirmFollow, followTarget, stopFollowing, stopTarget } from '../followers/followers';
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

/** The link in a follow's confirmation email. */
const followLink = z.object({ token: z.string().meta({ description: 'From the link.' }) });
/** The stop link in each email to a follower. */
const unfollowLink = z.object({
  follower: z.coerce.number().int().positive().meta({ description: 'From the link.' }),
  token: z.string().meta({ description: 'From the link.' }),
});

const showFollow = createRoute({
  method: 'get',
  path: '/follow',
  operationId: 'showFollowConfirmation',
  summary: 'The link in a follow’s confirmation email: a page with a button',
  request: { query: followLink },
  responses: { 200: page('The page.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link, or used.' }) },
});

const confirmFollowRoute = createRoute({
  method: 'post',
  path: '/follow',
  operationId: 'confirmFollow',
  summary: 'Confirm following a report: its emails start',
  request: { query: followLink },
  responses: { 200: page('Done.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link, or used.' }) },
});

const showUnfollow = createRoute({
  method: 'get',
  path: '/unfollow',
  operationId: 'showUnfollow',
  summary: "The stop link in a follower's email: a page with a button",
  request: { query: unfollowLink },
  responses: { 200: page('The page.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link.' }) },
});

const unfollowRoute = createRoute({
  method: 'post',
  path: '/unfollow',
  operationId: 'unfollow',
  summary: 'Stop following a report; the address is deleted (also one-click, RFC 8058)',
  request: { query: unfollowLink },
  responses: { 200: page('Done.'), ...failures({ 400: 'Not a link.', 404: 'Not a valid link.' }) },
});

/**
 * Stopping a reporter's emails from the link in each. Opening the link
 * shows a button (so a mail scanner that follows links opts no one out);
 * the button, or a mail client's one-click unsubscribe (RFC 8058), POSTs.
 */
export function notificationRoutes({ db, keyring }: ResolvedDeps) {
  const app = routes();
  for (const path of ['/opt-out', '/follow', '/unfollow']) app.use(path, pageSecurity());
  return app
    .openapi(showFollow, async (c) => {
      const trackingId = await followTarget(db, c.req.valid('query').token);
      return c.html(
        buttonPage(
          `Pantau laporan ${trackingId}?`,
          `Follow report ${trackingId}? Kami mengabari Anda lewat email setiap kali laporan ini berubah; setiap email memuat tautan untuk berhenti. We will email you each time it changes; each email has a link to stop.`,
          'Pantau / Follow',
        ),
        200,
      );
    })
    .openapi(confirmFollowRoute, async (c) => {
      const trackingId = await confirmFollow(db, c.req.valid('query').token);
      return c.html(donePage(`Anda memantau laporan ${trackingId}. You now follow report ${trackingId}.`), 200);
    })
    .openapi(showUnfollow, async (c) => {
      const { follower, token } = c.req.valid('query');
      const trackingId = await stopTarget(db, keyring, follower, token);
      return c.html(
        buttonPage(
          `Berhenti memantau laporan ${trackingId}?`,
          `Stop following report ${trackingId}? Alamat email Anda dihapus. Your address is deleted.`,
          'Berhenti / Stop',
        ),
        200,
      );
    })
    .openapi(unfollowRoute, async (c) => {
      const { follower, token } = c.req.valid('query');
      const trackingId = await stopFollowing(db, keyring, follower, token);
      return c.html(
        donePage(`Anda tidak lagi memantau laporan ${trackingId}. You no longer follow report ${trackingId}.`),
        200,
      );
    })
    .openapi(showOptOut, async (c) => {
      const { report, token } = c.req.valid('query');
      await optOutTarget(db, keyring, report, token);
      return c.html(
        buttonPage(
          `Berhenti menerima email tentang laporan ${report}?`,
          `Stop emails about report ${report}? Laporan Anda tetap diproses. Your report goes on.`,
          'Berhenti / Stop',
        ),
        200,
      );
    })
    .openapi(confirmOptOut, async (c) => {
      const { report, token } = c.req.valid('query');
      const { trackingId } = await optOut(db, keyring, report, token);
      return c.html(
        donePage(
          `Anda tidak akan lagi menerima email tentang laporan ${trackingId}. You will get no more emails about it.`,
        ),
        200,
      );
    });
}

/** A page that asks before acting: a mail scanner following the link does nothing; the button POSTs. */
const buttonPage = (title: string, text: string, button: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
    </head>
    <body>
      <h1>${title}</h1>
      <p>${text}</p>
      <form method="post">
        <button>${button}</button>
      </form>
    </body>
  </html>`;

/** What a link did, said once it is done. */
const donePage = (text: string) => html`<!doctype html>
  <html lang="id">
    <head>
      <meta charset="utf-8" />
      <title>${text}</title>
    </head>
    <body>
      <p>${text}</p>
    </body>
  </html>`;
