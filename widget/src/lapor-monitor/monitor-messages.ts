import { msg } from '@lit/localize';
import type { MonitorFigures } from '../../../contract/monitor';
import type { HubError } from '../internal/hub-client';
import { hubErrorMessage } from '../internal/messages';

/** The figures the monitor shows for a scope: its counters, and the overdue reports of today. */
export type FigureKey = keyof MonitorFigures | 'overdue';

/** Each figure's name, as a heading or a column. */
export const figureLabel = (key: FigureKey): string =>
  ({
    received: msg('Laporan diterima'),
    forwarded: msg('Diteruskan'),
    answered: msg('Ditindaklanjuti'),
    finished: msg('Selesai'),
    answeredWithin5: msg('Ditanggapi dalam 5 hari kerja'),
    finishedWithin60: msg('Selesai dalam 60 hari kerja'),
    medianDaysToResponse: msg('Median hari kerja sampai tanggapan'),
    overdue: msg('Terlambat hari ini'),
  })[key];

/** What each figure counts, in one line beside it: people misread bare counts. */
export const figureExplanation = (key: FigureKey): string =>
  ({
    received: msg('Semua laporan yang masuk dalam cakupan ini, termasuk yang dirahasiakan dan yang belum diteruskan.'),
    forwarded: msg('Laporan yang sudah diverifikasi dan diteruskan ke instansi yang berwenang.'),
    answered: msg('Laporan yang sudah mendapat tindak lanjut pertama dari instansi.'),
    finished: msg('Laporan yang sekarang berstatus selesai.'),
    answeredWithin5: msg(
      'Dari laporan yang diteruskan, bagian yang ditindaklanjuti paling lambat 5 hari kerja setelah diteruskan.',
    ),
    finishedWithin60: msg(
      'Dari laporan yang diteruskan, bagian yang selesai paling lambat 60 hari kerja setelah diteruskan.',
    ),
    medianDaysToResponse: msg(
      'Separuh laporan yang ditindaklanjuti mendapat tanggapan pertama dalam jumlah hari kerja ini atau kurang.',
    ),
    overdue: msg(
      'Laporan yang batas waktunya (penerusan, tindak lanjut, atau penyelesaian) sudah lewat dan belum dipenuhi.',
    ),
  })[key];

/** Why a figure is left out: a scope, month or place of fewer than 5 reports could point at a reporter. */
export const suppressedLabel = (): string => msg('Kurang dari 5 laporan');

/** Why the monitor could not show what it was asked for. */
export function monitorErrorMessage(error: HubError): string {
  switch (error.code) {
    case 'validation_failed':
      return msg('Pemantauan ini tidak dapat ditampilkan: pengaturannya di halaman ini tidak valid.');
    case 'not_found':
      return msg('Instansi atau situs yang dipantau tidak ditemukan.');
    default:
      return hubErrorMessage(error);
  }
}
