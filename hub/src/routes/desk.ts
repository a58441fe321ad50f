import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { commentSchema } from '../../../contract/requests';
import type { ResolvedDeps } from '../app';
import type { Report } from '../db/schema';
import { actAsDesk, type DeskAction, deskActionsFor } from '../desk/actions';
import type { DeskLinks } from '../desk/links';
import { type DeskPageContent, deskPage } from '../desk/page';
import { DomainError } from '../errors';
import { outgoingReport, outgoingText } from '../outbox/payload';
import { eventsOf } from '../reports/read';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';
import { pageSecurity } from './middleware/security-headers';
import type { ReportLimits } from './report-limits';

const DONE: Record<DeskAction['kind'], string> = {
  verify: 'Laporan terverifikasi.',
  answer: 'Tanggapan terkirim kepada pelapor.',
  ask: 'Permintaan informasi terkirim kepada pelapor.',
  forward: 'Laporan diteruskan.',
  finish: 'Laporan selesai.',
};

/**
 * The desk page at /desk/v1/{link} (desk/): an institution without a system
 * of its own opens it from the link in the report's email, sees the report
 * as it was sent to it with its timeline and deadlines, and acts on it. The
 * link is the credential (signed, expiring, revocable); forms are checked
 * for their origin and limited like lookups.
 */
export function deskRoutes(deps: ResolvedDeps, links: DeskLinks, limits: ReportLimits) {
  const { db, clock } = deps;
  const app = new Hono();
  const fromHub = (origin: string, c: { req: { url: string } }) =>
    origin === new URL(c.req.url).origin || origin === deps.publicUrl?.replace(/\/$/, '');
  app.use('/:token', pageSecurity(), limits.lookupsPerAddress, csrf({ origin: fromHub }));

  app.get('/:token', async (c) => {
    const report = await links.open(db, c.req.param('token'), clock());
    const done = c.req.query('done') as DeskAction['kind'] | undefined;
    return c.html(await page(report, done && DONE[done] ? { kind: 'done', text: DONE[done] } : undefined));
  });

  app.post('/:token', async (c) => {
    const report = await links.open(db, c.req.param('token'), clock());
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    let action: DeskAction;
    try {
      action = actionOf(field('action'), field('text'), field('institution'));
      await actAsDesk(deps, report, action, clock());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return c.html(await page(report, { kind: 'error', text: error.message }), 400);
    }
    return c.redirect(`${new URL(c.req.url).pathname}?done=${action.kind}`, 303);
  });

  app.onError((error, c) => {
    if (error instanceof DomainError && error.code === 'not_found') {
      return c.html(
        '<!doctype html><html lang="id"><head><meta charset="utf-8" /><title>Tautan tidak berlaku</title></head>' +
          '<body><p>Tautan ini tidak berlaku: mungkin sudah kedaluwarsa atau dicabut. Mintalah tautan baru kepada pengelola hub.</p></body></html>',
        404,
      );
    }
    throw error;
  });
  return app;

  async function page(report: Report, notice: DeskPageContent['notice']) {
    const now = clock();
    const [sent, events, institutions] = await Promise.all([
      outgoingReport(deps, report.id),
      eventsOf(db, report.id),
      deps.directory.institutions({ limit: 5000, offset: 0 }),
    ]);
    const { deadline, resolution } = deadlinesOf(
      report,
      events,
      deps.calendar,
      timeZoneOf(deps.directory, report.institutionId),
      now,
    );
    return deskPage({
      report: sent,
      status: report.status,
      deadlines: [deadline, resolution].filter((d) => d !== undefined),
      timeline: events.map((e) => ({
        at: e.at,
        actor: e.actor,
        status: e.status,
        note: e.note ? outgoingText(deps.keyring, report, e.note) : null,
      })),
      actions: deskActionsFor(report),
      institutions: institutions.items.map((i) => ({ id: i.id, name: i.name })),
      ...(notice && { notice }),
    });
  }
}

/** The form's fields as an action, the texts held to a comment's rules. */
function actionOf(kind: string, text: string, institution: string): DeskAction {
  const checked = (required: boolean) => {
    if (!text && !required) return undefined;
    const parsed = commentSchema.safeParse({ text });
    if (!parsed.success) {
      throw new DomainError('validation_failed', 'Tulis keterangannya (The text is missing or too long)');
    }
    return parsed.data.text;
  };
  if (kind === 'verify') return { kind };
  if (kind === 'answer' || kind === 'ask') return { kind, text: checked(true) as string };
  if (kind === 'finish') {
    const note = checked(false);
    return { kind, ...(note && { text: note }) };
  }
  if (kind === 'forward') {
    if (!institution) throw new DomainError('validation_failed', 'Pilih instansi tujuan (Choose the institution)');
    const note = checked(false);
    return { kind, institutionId: institution, ...(note && { text: note }) };
  }
  throw new DomainError('validation_failed', 'Tindakan tidak dikenal (Unknown action)');
}
