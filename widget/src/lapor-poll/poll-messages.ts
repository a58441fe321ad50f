import { msg, str } from '@lit/localize';
import type { PollView } from '../../../contract/polls';
import { formatDateTime } from '../internal/format';
import type { HubError } from '../internal/hub-client';
import { hubErrorMessage } from '../internal/messages';

/** The five levels of agreement, 1 to 5, in the visitor's language. */
export const scaleLabels = (): string[] => [
  msg('Sangat tidak setuju'),
  msg('Tidak setuju'),
  msg('Netral'),
  msg('Setuju'),
  msg('Sangat setuju'),
];

/** The answers a poll offers, in order: its options, or the levels of agreement. */
export const answersOf = (poll: PollView): string[] => (poll.kind === 'choice' ? poll.options : scaleLabels());

/** When the poll takes votes, as one line under its question. */
export function whenLine(poll: PollView): string {
  const opens = formatDateTime(poll.opensAt);
  const closes = formatDateTime(poll.closesAt);
  switch (poll.state) {
    case 'scheduled':
      return msg(str`Dibuka ${opens}, ditutup ${closes}.`);
    case 'open':
      return msg(str`Terbuka sampai ${closes}.`);
    default:
      return msg(str`Ditutup ${closes}.`);
  }
}

/** Why a poll could not be shown or a vote was not taken. */
export function pollErrorMessage(error: HubError): string {
  switch (error.code) {
    case 'not_found':
      return msg('Jajak pendapat ini tidak ditemukan.');
    case 'poll_not_open':
      return msg('Jajak pendapat ini tidak sedang menerima suara.');
    case 'already_voted':
      return msg('Alamat email ini sudah dipakai untuk memberi suara dalam jajak pendapat ini.');
    case 'email_unavailable':
      return msg('Email konfirmasi tidak dapat dikirim. Coba lagi nanti.');
    case 'validation_failed':
      return error.fields.email
        ? msg('Periksa alamat email Anda.')
        : msg('Jawaban ini tidak dapat diterima. Muat ulang halaman, lalu coba lagi.');
    case 'invalid_device':
      return msg('Perangkat ini tidak dapat dikenali. Muat ulang halaman, lalu coba lagi.');
    case 'challenge_required':
    case 'challenge_failed':
    case 'challenge_replayed':
      return msg('Pemeriksaan keamanan gagal. Coba kirim lagi.');
    default:
      return hubErrorMessage(error);
  }
}
