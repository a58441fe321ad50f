import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import { STATUS_FROM_NATIONAL } from '../outbox/lapor';
import { pageSecurity } from '../routes/middleware/security-headers';

interface DeskReport {
  trackingId: string;
  partnerRef: string;
  title: string;
  institution: string;
  anonymous: boolean;
  confidential: boolean;
  history: { id: string; waktu: string; status?: string; tanggapan?: string; instansi?: string; sumber?: 'MITRA' }[];
  /** Reporters' comments and ratings passed on by the hub. */
  actions: { jenis: string; isi: string | null; nilai: number | null }[];
}

/** What a person at the desk may do next, by the last national status. */
const NEXT: Record<string, string[]> = {
  DITERIMA: ['VERIFIKASI', 'ARSIP'],
  VERIFIKASI: ['DISPOSISI', 'TUNDA', 'ARSIP'],
  DISPOSISI: ['TINDAK_LANJUT', 'BUKAN_KEWENANGAN', 'TUNDA', 'ARSIP'],
  BUKAN_KEWENANGAN: ['DISPOSISI', 'ARSIP'],
  TINDAK_LANJUT: ['TINDAK_LANJUT', 'SELESAI', 'TUNDA'],
  TUNDA: ['VERIFIKASI', 'DISPOSISI', 'TINDAK_LANJUT', 'ARSIP'],
  DIBUKA_KEMBALI: ['TINDAK_LANJUT', 'SELESAI'],
  SELESAI: [],
  ARSIP: [],
};

/**
 * A local stand-in for SP4N-LAPOR!'s side, speaking the API the `lapor`
 * connector assumes: it files reports (once per idempotency key or partner
 * reference), keeps each report's history, and has a page where a person
 * plays the national administrator and the institution. It is for the demo
 * and the tests; it is not the national system.
 */
export function createNationalDesk({ token }: { token: string }) {
  const reports = new Map<string, DeskReport>();
  const byKey = new Map<string, string>();
  const byPartnerRef = new Map<string, string>();
  const faults = { failNext: 0 };
  const seenActions = new Set<string>();
  let sequence = 2_026_000;

  const status = (report: DeskReport) => report.history.findLast((h) => h.status)?.status ?? 'DITERIMA';
  /** Moves a report on; a disposition may pass it to another institution (`instansi`, a code or a name). */
  const act = (trackingId: string, next: string, tanggapan?: string, instansi?: string) => {
    const report = reports.get(trackingId);
    if (!report || !(NEXT[status(report)] ?? []).includes(next)) return false;
    const passedOn = next === 'DISPOSISI' && instansi ? instansi : undefined;
    if (passedOn) report.institution = passedOn;
    report.history.push({
      id: String(report.history.length + 1),
      waktu: new Date().toISOString(),
      status: next,
      ...(tanggapan && { tanggapan }),
      ...(passedOn && { instansi: passedOn }),
    });
    return true;
  };

  const api = new Hono()
    .use(async (c, next) => {
      if (c.req.header('authorization') !== `Bearer ${token}`) return c.json({ pesan: 'token tidak valid' }, 401);
      await next();
    })
    .post('/laporan', async (c) => {
      if (faults.failNext > 0) {
        faults.failNext--;
        return c.json({ pesan: 'sedang sibuk' }, 503);
      }
      const body = await c.req.json();
      const key = c.req.header('idempotency-key') ?? '';
      const known = byKey.get(key) ?? byPartnerRef.get(body.referensi_mitra);
      if (known) return c.json({ tracking_id: known }, 409);
      const trackingId = String(++sequence);
      reports.set(trackingId, {
        trackingId,
        partnerRef: body.referensi_mitra,
        title: body.rahasia ? '(rahasia)' : body.judul,
        institution: body.instansi_tujuan,
        anonymous: body.anonim,
        confidential: body.rahasia,
        history: [],
        actions: [],
      });
      byKey.set(key, trackingId);
      byPartnerRef.set(body.referensi_mitra, trackingId);
      return c.json({ tracking_id: trackingId }, 201);
    })
    .post('/laporan/:id/tindakan', async (c) => {
      const report = reports.get(c.req.param('id'));
      if (!report) return c.json({ pesan: 'tidak ditemukan' }, 404);
      const key = c.req.header('idempotency-key') ?? '';
      if (seenActions.has(key)) return c.json({ pesan: 'sudah diterima' }, 409);
      seenActions.add(key);
      const body = await c.req.json();
      report.actions.push({ jenis: body.jenis, isi: body.isi, nilai: body.nilai });
      if (body.jenis === 'BUKA_KEMBALI') {
        report.history.push({
          id: String(report.history.length + 1),
          waktu: body.waktu,
          status: 'DIBUKA_KEMBALI',
          tanggapan: body.isi,
          sumber: 'MITRA',
        });
      }
      return c.json({ diterima: true }, 201);
    })
    .get('/laporan/:id/riwayat', (c) => {
      const report = reports.get(c.req.param('id'));
      if (!report) return c.json({ pesan: 'tidak ditemukan' }, 404);
      const after = Number(c.req.query('setelah') ?? 0);
      return c.json({ riwayat: report.history.filter((h) => Number(h.id) > after) });
    });

  // The desk's page changes reports: a form posted from another site (cross-site request forgery) is refused.
  const desk = new Hono()
    .use(pageSecurity(), csrf())
    .get('/', (c) =>
      c.html(html`<!doctype html>
        <html lang="id">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Meja nasional (simulasi)</title>
          </head>
          <body>
            <h1>Meja nasional — simulasi lokal, bukan SP4N-LAPOR!</h1>
            <p>
              Halaman demo: di sini Anda memerankan administrator SP4N-LAPOR! dan instansi. Hub mengambil perubahan dari sini
              setiap beberapa detik, dan pelacak laporan mengikutinya.
            </p>
            ${reports.size === 0 ? html`<p>Belum ada laporan. Kirim satu lewat formulir di situs demo.</p>` : ''}
            ${[...reports.values()].reverse().map(
              (r) => html`<section>
                <h2>${r.trackingId}: ${r.title}</h2>
                ${r.actions.map((a) => html`<p>Pelapor (${a.jenis}): ${a.isi ?? ''} ${a.nilai ? `(${a.nilai}/5)` : ''}</p>`)}
                <p>
                  Mitra: ${r.partnerRef} · Instansi: ${r.institution} · Status: <strong>${status(r)}</strong>
                  ${r.anonymous ? '· anonim' : ''} ${r.confidential ? '· rahasia' : ''}
                </p>
                <form method="post" action="desk/${r.trackingId}">
                  <label>Tanggapan <input name="tanggapan" size="50" /></label>
                  <label>Disposisi ke instansi lain (opsional) <input name="instansi" size="30" /></label>
                  ${(NEXT[status(r)] ?? []).map((next) => html`<button name="status" value="${next}">${next}</button>`)}
                </form>
              </section>`,
            )}
          </body>
        </html>`),
    )
    .post('/desk/:id', async (c) => {
      const form = await c.req.parseBody();
      const text = (name: string) => {
        const value = form[name];
        return typeof value === 'string' && value.trim() ? value.trim() : undefined;
      };
      act(c.req.param('id'), String(form.status ?? ''), text('tanggapan'), text('instansi'));
      return c.redirect('/');
    });

  const app = new Hono().route('/api', api).route('/', desk);
  return { app, reports, faults, act, status, knownStatuses: Object.keys(STATUS_FROM_NATIONAL) };
}
