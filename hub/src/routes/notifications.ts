import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { ResolvedDeps } from '../app';
import { reports } from '../db/schema';
import { DomainError } from '../errors';
import { optOutTokenMatches } from '../notifications/message';
import { findReport } from '../reports/views';
import { pageSecurity } from '../security-headers';

/**
 * Stopping a reporter's emails from the link in each. Opening the link
 * shows a button (so a mail scanner that follows links opts no one out);
 * the button, or a mail client's one-click unsubscribe (RFC 8058), POSTs.
 */
export function notificationRoutes({ db, keyring }: ResolvedDeps) {
  const reportOf = async (trackingId: string, token: string) => {
    const report = await findReport(db, trackingId);
    if (!report || !optOutTokenMatches(keyring.deriveSecret('opt-out'), trackingId, token)) {
      throw new DomainError('not_found', 'This opt-out link is not valid');
    }
    return report;
  };
  return new Hono()
    .use('/opt-out', pageSecurity())
    .get('/opt-out', async (c) => {
      const trackingId = c.req.query('report') ?? '';
      const token = c.req.query('token') ?? '';
      await reportOf(trackingId, token);
      return c.html(html`<!doctype html>
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
        </html>`);
    })
    .post('/opt-out', async (c) => {
      const report = await reportOf(c.req.query('report') ?? '', c.req.query('token') ?? '');
      await db.update(reports).set({ notify: false }).where(eq(reports.id, report.id));
      return c.html(html`<!doctype html>
        <html lang="id">
          <head>
            <meta charset="utf-8" />
            <title>Email dihentikan</title>
          </head>
          <body>
            <p>Anda tidak akan lagi menerima email tentang laporan ${report.trackingId}. You will get no more emails about it.</p>
          </body>
        </html>`);
    });
}
