import { escape as escapeHtml } from 'html-escaper';
import type { ReportStatus } from '../../../contract';
import type { ReportEvent } from '../db/schema';
import { signedToken, signedTokenMatches } from './link-tokens';

/**
 * The short email a reporter gets when their report moves or gets a
 * response, in the language they filed in. It links to the tracker and to a
 * one-click opt-out; it never carries the receipt, and for a confidential
 * report it says nothing of the content.
 */
export const STATUS = {
  id: {
    received: 'diterima',
    submitted: 'dikirim ke SP4N-LAPOR!',
    verified: 'terverifikasi',
    forwarded: 'diteruskan ke instansi yang berwenang',
    followed_up: 'ditindaklanjuti',
    finished: 'selesai',
    held: 'ditunda',
    not_authority: 'dialihkan karena bukan wewenang instansi',
    archived: 'diarsipkan',
    reopened: 'dibuka kembali',
  },
  en: {
    received: 'received',
    submitted: 'sent to SP4N-LAPOR!',
    verified: 'verified',
    forwarded: 'forwarded to the responsible institution',
    followed_up: 'followed up',
    finished: 'finished',
    held: 'on hold',
    not_authority: 'rerouted as outside the institution’s authority',
    archived: 'archived',
    reopened: 'reopened',
  },
} satisfies Record<'id' | 'en', Record<ReportStatus, string>>;

/** A report sent to an institution's own desk (webhook, email, Open311) did not go to SP4N-LAPOR!. */
const SENT_TO_INSTITUTION = { id: 'dikirim ke instansi tujuan', en: 'sent to the institution' };
/** Where the destination's report number comes from, as the reference line names it. */
const DESTINATION = {
  id: { 'sp4n-lapor': 'SP4N-LAPOR!', institution: 'instansi tujuan' },
  en: { 'sp4n-lapor': 'SP4N-LAPOR!', institution: 'the institution’s desk' },
};

const TEXT = {
  id: {
    subject: (id: string, what: string) => `Laporan ${id}: ${what}`,
    response: 'ada tanggapan baru',
    intro: (id: string, what: string) => `Laporan Anda dengan Tracking ID ${id} ${what}.`,
    followedIntro: (id: string, what: string) => `Laporan ${id} yang Anda pantau ${what}.`,
    note: 'Keterangan:',
    reference: (where: string, ref: string) => `Nomor laporan di ${where}: ${ref}`,
    follow: 'Lihat perkembangannya:',
    optOut: 'Tidak ingin menerima email seperti ini lagi?',
    footer: 'Email ini dikirim otomatis oleh hub pengaduan SP4N-LAPOR!. Jangan membalas email ini.',
    replyFooter:
      'Email ini dikirim otomatis oleh hub pengaduan SP4N-LAPOR!. Balas email ini untuk menambahkan keterangan pada laporan Anda; tulis di atas kutipan.',
  },
  en: {
    subject: (id: string, what: string) => `Report ${id}: ${what}`,
    response: 'a new response',
    intro: (id: string, what: string) => `Your report with Tracking ID ${id} has ${what}.`,
    followedIntro: (id: string, what: string) => `Report ${id}, which you follow, has ${what}.`,
    note: 'Note:',
    reference: (where: string, ref: string) => `Report number at ${where}: ${ref}`,
    follow: 'Follow its progress:',
    optOut: 'Don’t want emails like this any more?',
    footer: 'This email was sent automatically by an SP4N-LAPOR! complaint hub. Please do not reply to it.',
    replyFooter:
      'This email was sent automatically by an SP4N-LAPOR! complaint hub. Reply to it to add to your report; write above the quoted text.',
  },
};

export function notificationMail(options: {
  locale: 'id' | 'en';
  trackingId: string;
  event: Pick<ReportEvent, 'type' | 'status' | 'note' | 'reference'>;
  trackerUrl: string;
  optOutUrl: string;
  /** Where the report was sent: SP4N-LAPOR! (the default) or the institution's own desk. */
  sentTo?: 'sp4n-lapor' | 'institution';
  /** To the reporter (the default), or to someone who follows the report. */
  audience?: 'reporter' | 'follower';
  /** Whether a reply reaches the report (the email carries the reporter's reply address). */
  repliable?: boolean;
}) {
  const { locale, trackingId, event, trackerUrl, optOutUrl, sentTo, audience = 'reporter' } = options;
  const t = { ...TEXT[locale], ...(options.repliable && { footer: TEXT[locale].replyFooter }) };
  const label = (status: ReportStatus) =>
    status === 'submitted' && sentTo === 'institution' ? SENT_TO_INSTITUTION[locale] : STATUS[locale][status];
  const what =
    event.type === 'status' && event.status
      ? locale === 'id'
        ? `telah ${label(event.status)}`
        : `been ${label(event.status)}`
      : locale === 'id'
        ? 'mendapat tanggapan baru'
        : `received ${t.response}`;
  const short = event.type === 'status' && event.status ? label(event.status) : t.response;
  const reference = event.reference ? t.reference(DESTINATION[locale][sentTo ?? 'sp4n-lapor'], event.reference) : '';
  const intro = (audience === 'follower' ? t.followedIntro : t.intro)(trackingId, what);
  const lines = [
    intro,
    ...(reference ? [reference] : []),
    ...(event.note ? ['', t.note, event.note] : []),
    '',
    t.follow,
    trackerUrl,
    '',
    t.optOut,
    optOutUrl,
    '',
    t.footer,
  ];
  // Every value is escaped: the note is an institution's text, and the links carry query strings.
  const body = [
    `<p>${escapeHtml(intro)}</p>`,
    reference ? `<p>${escapeHtml(reference)}</p>` : '',
    event.note ? `<p><strong>${escapeHtml(t.note)}</strong><br />${escapeHtml(event.note)}</p>` : '',
    `<p>${escapeHtml(t.follow)} <a href="${escapeHtml(trackerUrl)}">${escapeHtml(trackerUrl)}</a></p>`,
    `<p><small>${escapeHtml(t.optOut)} <a href="${escapeHtml(optOutUrl)}">${escapeHtml(optOutUrl)}</a><br />${escapeHtml(t.footer)}</small></p>`,
  ].join('\n');
  return { subject: t.subject(trackingId, short), text: lines.join('\n'), html: body };
}

/** The token in an opt-out link: proves the link came from the hub, for that report only. */
export const optOutToken = (secret: string, trackingId: string): string => signedToken(secret, `opt-out:${trackingId}`);

export const optOutTokenMatches = (secrets: readonly string[], trackingId: string, token: string): boolean =>
  signedTokenMatches(secrets, `opt-out:${trackingId}`, token);
