import { msg } from '@lit/localize';
import type { HubError } from '../internal/hub-client';
import { hubErrorMessage } from '../internal/messages';

/** Why a lookup or a reporter's action failed, for the visitor: the report's own refusals first. */
export function trackerErrorMessage(error: HubError): string {
  switch (error.code) {
    case 'not_found':
      return msg('Laporan dengan Tracking ID ini tidak ditemukan.');
    case 'invalid_tracking_id':
      return msg('Tracking ID ini tidak valid. Periksa kembali penulisannya.');
    case 'invalid_receipt':
      return msg('Kode bukti tidak cocok dengan laporan ini.');
    case 'reopen_window_closed':
      return msg('Laporan ini sudah tidak dapat dibuka kembali: batasnya 10 hari kerja setelah laporan selesai.');
    case 'already_rated':
      return msg('Anda sudah memberi penilaian untuk laporan ini.');
    case 'not_yet_followed_up':
      return msg('Penilaian dapat diberikan setelah ada tindak lanjut.');
    case 'invalid_transition':
      return msg('Tindakan ini tidak dapat dilakukan pada tahap laporan saat ini.');
    default:
      return hubErrorMessage(error);
  }
}
