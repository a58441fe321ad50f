import { escape as escapeHtml } from 'html-escaper';
import type { Mailer } from '../notifications/mailer';
import type { Destination, OutgoingAction, OutgoingReminder, OutgoingReport } from './destination';

export interface EmailOptions {
  name: string;
  /** The institution's complaint desk. */
  to: string;
  mailer: Mailer;
  /** The desk's reply address for a report, when the hub takes replies by email. */
  replyTo?: (trackingId: string) => string;
  /** A link to the report's desk page (desk/links.ts), issued as the email is sent. */
  deskLink?: (trackingId: string) => string;
}

/** What the desk can do by replying, said where the hub takes replies. */
const REPLY_NOTE =
  'Balas email ini untuk menanggapi laporan: balasan Anda (di atas kutipan) tercatat sebagai tanggapan instansi, ' +
  'dikirim kepada pelapor, dan status laporan menjadi ditindaklanjuti.';

const KIND = { pengaduan: 'Pengaduan', aspirasi: 'Aspirasi', informasi: 'Permintaan informasi' } as const;
const DEADLINE = {
  forward: 'verifikasi dan penerusan (3 hari kerja)',
  follow_up: 'tanggapan (5 hari kerja)',
  resolution: 'penyelesaian (60 hari kerja)',
} as const;
const ACTION = {
  comment: 'Tambahan dari pelapor',
  reopen: 'Pelapor membuka kembali laporan',
  rating: 'Penilaian pelapor',
} as const;

function reportText(r: OutgoingReport): string {
  return [
    `${KIND[r.kind]} dari formulir pengaduan daring — Tracking ID ${r.trackingId}`,
    '',
    `Judul: ${r.title}`,
    `Tanggal kejadian: ${r.incidentDate}`,
    `Lokasi: ${r.location.text}${r.location.regionName ? ` (${r.location.regionName})` : ''}`,
    `Instansi tujuan: ${r.institution.name}`,
    ...(r.category ? [`Kategori: ${r.category.name}`] : []),
    `Anonim: ${r.anonymous ? 'ya — identitas pelapor tidak disampaikan' : 'tidak'}`,
    `Rahasia: ${r.confidential ? 'ya — isi laporan tidak boleh dipublikasikan' : 'tidak'}`,
    ...(r.reporter
      ? [`Pelapor: ${[r.reporter.name, r.reporter.email, r.reporter.phone].filter(Boolean).join(', ')}`]
      : []),
    '',
    'Isi laporan:',
    r.body,
    '',
    ...(r.attachments.length ? [`Lampiran: ${r.attachments.map((a) => a.name).join(', ')}`, ''] : []),
    'Tanggapi dan tindak lanjuti laporan ini sesuai ketentuan SP4N-LAPOR!: paling lambat 5 hari kerja untuk tanggapan awal.',
  ].join('\n');
}

/** The text as HTML paragraphs, every line escaped. */
const paragraphs = (text: string) =>
  text
    .split('\n\n')
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br />')}</p>`)
    .join('');

/**
 * For an institution without an API: each report as an email (text and
 * HTML, with its attachments) to its complaint desk, through the hub's SMTP
 * server. The Message-ID is the delivery's key, so a copy sent again after a
 * crash is recognised as the same message.
 */
export function emailDestination({ name, to, mailer, replyTo, deskLink }: EmailOptions): Destination {
  const reply = (trackingId: string) => (replyTo ? { replyTo: replyTo(trackingId) } : {});
  const withDeskNotes = (text: string, trackingId: string) =>
    [
      text,
      ...(deskLink
        ? [
            `Verifikasi, tanggapi, minta informasi tambahan, teruskan ke instansi lain atau selesaikan laporan ini di meja instansi (tanpa akun; tautan ini berlaku 150 hari, jangan diteruskan): ${deskLink(trackingId)}`,
          ]
        : []),
      ...(replyTo ? [REPLY_NOTE] : []),
    ].join('\n\n');
  return {
    name,
    async deliver(report, idempotencyKey) {
      const text = withDeskNotes(reportText(report), report.trackingId);
      const attachments = await Promise.all(
        report.attachments.map(async (a) => ({
          filename: a.name,
          contentType: a.mediaType,
          content: a.content ? await a.content() : Buffer.alloc(0),
        })),
      );
      await mailer.send({
        to,
        // Subjects show in mail lists, previews and notifications: a confidential report's title stays inside.
        subject: report.confidential
          ? `[LAPOR ${report.trackingId}] ${KIND[report.kind]} (rahasia)`
          : `[LAPOR ${report.trackingId}] ${KIND[report.kind]}: ${report.title}`,
        text,
        html: paragraphs(text),
        messageId: `<${idempotencyKey}@lapor-embed>`,
        headers: { 'X-Lapor-Tracking-Id': report.trackingId },
        ...reply(report.trackingId),
        attachments,
      });
      return { externalRef: report.trackingId };
    },
    async remind(reminder: OutgoingReminder, idempotencyKey) {
      const lines = reminder.deadlines.map((d) => `- Batas ${DEADLINE[d.kind]}: ${d.due}`);
      const text = withDeskNotes(
        [
          `Pengingat — Tracking ID ${reminder.trackingId}`,
          '',
          'Batas waktu laporan ini menurut SP4N-LAPOR! segera tiba (dalam hari kerja, zona waktu instansi):',
          ...lines,
          '',
          'Laporan yang melewati batas waktu tercatat terlambat dan tampak dalam pemantauan publik.',
        ].join('\n'),
        reminder.trackingId,
      );
      await mailer.send({
        to,
        // As the report's own email: a confidential report's title stays out of subjects.
        subject: reminder.confidential
          ? `[LAPOR ${reminder.trackingId}] Pengingat batas waktu`
          : `[LAPOR ${reminder.trackingId}] Pengingat batas waktu: ${reminder.title}`,
        text,
        html: paragraphs(text),
        messageId: `<${idempotencyKey}@lapor-embed>`,
        headers: { 'X-Lapor-Tracking-Id': reminder.trackingId },
        ...reply(reminder.trackingId),
      });
    },
    async deliverAction(action: OutgoingAction, idempotencyKey) {
      const text = withDeskNotes(
        [
          `${ACTION[action.kind]} — Tracking ID ${action.trackingId}`,
          '',
          ...(action.rating ? [`Nilai: ${action.rating} dari 5`] : []),
          ...(action.text ? [action.text] : []),
        ].join('\n'),
        action.trackingId,
      );
      await mailer.send({
        to,
        subject: `[LAPOR ${action.trackingId}] ${ACTION[action.kind]}`,
        text,
        html: paragraphs(text),
        messageId: `<${idempotencyKey}@lapor-embed>`,
        headers: { 'X-Lapor-Tracking-Id': action.trackingId },
        ...reply(action.trackingId),
      });
    },
  };
}
