import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Deadline } from '../../../contract';
import type { ReportEvent } from '../db/schema';
import { STATUS } from '../notifications/message';
import type { OutgoingReport } from '../outbox/destination';
import type { DeskAction } from './actions';

const KIND = { pengaduan: 'Pengaduan', aspirasi: 'Aspirasi', informasi: 'Permintaan informasi' } as const;
const DEADLINE = {
  forward: 'verifikasi dan penerusan',
  follow_up: 'tanggapan',
  auto_close: 'penutupan otomatis bila pelapor tidak menanggapi',
  resolution: 'penyelesaian',
} as const;
const ACTOR = { reporter: 'Pelapor', institution: 'Instansi', hub: 'Hub', national: 'SP4N-LAPOR!' } as Record<
  string,
  string
>;

export interface DeskPageContent {
  report: OutgoingReport;
  status: ReportEvent['status'] & string;
  deadlines: Deadline[];
  /** The timeline, each note as the institution may read it. */
  timeline: { at: Date; actor: string; status: string | null; note: string | null }[];
  actions: DeskAction['kind'][];
  institutions: { id: string; name: string }[];
  /** What was just done, or what went wrong. */
  notice?: { kind: 'done' | 'error'; text: string };
}

const date = (at: Date) =>
  at.toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

/**
 * The desk page: the report as the institution receives it, its timeline
 * and deadlines, and a form per action its status allows. Plain HTML with
 * no script, as the hub's pages are (their CSP allows none inline); each
 * form posts to the page's own address.
 */
export function deskPage(content: DeskPageContent) {
  const { report, status, deadlines, timeline, actions, institutions, notice } = content;
  const textForm = (action: DeskAction['kind'], legend: string, hint: string, button: string, required = true) => html`
    <form method="post">
      <fieldset>
        <legend>${legend}</legend>
        <input type="hidden" name="action" value="${action}" />
        <label for="text-${action}">${hint}</label>
        <textarea id="text-${action}" name="text" rows="5" ${required ? 'required' : ''}></textarea>
        <button>${button}</button>
      </fieldset>
    </form>`;
  const forms: Record<DeskAction['kind'], HtmlEscapedString | Promise<HtmlEscapedString>> = {
    verify: html`<form method="post">
      <input type="hidden" name="action" value="verify" />
      <button>Verifikasi: laporan lengkap dan menjadi kewenangan kami</button>
    </form>`,
    answer: textForm(
      'answer',
      'Tanggapi',
      'Tanggapan kepada pelapor (status menjadi ditindaklanjuti)',
      'Kirim tanggapan',
    ),
    ask: textForm('ask', 'Minta informasi tambahan', 'Apa yang perlu dilengkapi pelapor', 'Kirim permintaan'),
    forward: html`<form method="post">
      <fieldset>
        <legend>Teruskan ke instansi lain</legend>
        <input type="hidden" name="action" value="forward" />
        <label for="institution">Instansi yang berwenang (kode atau nama)</label>
        <input id="institution" name="institution" list="institutions" required />
        <datalist id="institutions">
          ${institutions.map((i) => html`<option value="${i.id}">${i.name}</option>`)}
        </datalist>
        <label for="text-forward">Keterangan (opsional)</label>
        <textarea id="text-forward" name="text" rows="3"></textarea>
        <button>Teruskan</button>
      </fieldset>
    </form>`,
    finish: textForm('finish', 'Selesaikan', 'Keterangan penyelesaian (opsional)', 'Tandai selesai', false),
  };
  return html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Laporan ${report.trackingId}: meja instansi</title>
      </head>
      <body>
        <main>
          <h1>${KIND[report.kind]} ${report.trackingId}</h1>
          ${notice ? html`<p role="${notice.kind === 'error' ? 'alert' : 'status'}">${notice.text}</p>` : ''}
          <p>Status: <strong>${STATUS.id[status as keyof typeof STATUS.id]}</strong></p>
          ${
            deadlines.length
              ? html`<ul>
                ${deadlines.map(
                  (d) =>
                    html`<li>Batas ${DEADLINE[d.kind]}: ${d.due}${d.overdue ? ' (terlambat)' : ` (${d.workingDaysLeft} hari kerja lagi)`}</li>`,
                )}
              </ul>`
              : ''
          }
          <dl>
            <dt>Judul</dt>
            <dd>${report.title}</dd>
            <dt>Tanggal kejadian</dt>
            <dd>${report.incidentDate}</dd>
            <dt>Lokasi</dt>
            <dd>${report.location.text}${report.location.regionName ? ` (${report.location.regionName})` : ''}</dd>
            <dt>Instansi tujuan</dt>
            <dd>${report.institution.name}</dd>
            ${report.category ? html`<dt>Kategori</dt><dd>${report.category.name}</dd>` : ''}
            <dt>Pelapor</dt>
            <dd>
              ${
                report.anonymous
                  ? 'Anonim: identitas pelapor tidak disampaikan'
                  : [report.reporter?.name, report.reporter?.email, report.reporter?.phone]
                      .filter(Boolean)
                      .join(', ') || '—'
              }
            </dd>
            ${report.confidential ? html`<dt>Rahasia</dt><dd>Isi laporan tidak boleh dipublikasikan</dd>` : ''}
            ${
              report.attachments.length
                ? html`<dt>Lampiran (terlampir pada email laporan)</dt><dd>${report.attachments.map((a) => a.name).join(', ')}</dd>`
                : ''
            }
          </dl>
          <h2>Isi laporan</h2>
          <p>${report.body}</p>
          <h2>Riwayat</h2>
          <ol>
            ${timeline.map(
              (e) =>
                html`<li>
                  ${date(e.at)} · ${ACTOR[e.actor] ?? e.actor}${e.status ? html` · ${STATUS.id[e.status as keyof typeof STATUS.id] ?? e.status}` : ''}
                  ${e.note ? html`<br />${e.note}` : ''}
                </li>`,
            )}
          </ol>
          <h2>Tindakan</h2>
          ${actions.length ? actions.map((kind) => forms[kind]) : html`<p>Laporan ini sudah selesai; tidak ada tindakan lagi.</p>`}
        </main>
      </body>
    </html>`;
}
