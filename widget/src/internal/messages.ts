import { msg, str } from '@lit/localize';
import type { Deadline, FieldError, ReportKind, ReportStatus, ReportView } from '../../../contract';
import { ATTACHMENT_MAX_COUNT, REPORTER_EMAIL_MAX_LENGTH, REPORTER_PHONE_MAX_LENGTH } from '../../../contract/limits';
import { TEXT_LIMITS } from '../../../contract/report-rules';
import type { HubError } from './hub-client';

/*
 * Every user-facing text derived from data lives here, as functions: msg()
 * must run at render time so a language switch re-renders it.
 */

export const kindLabel = (kind: ReportKind): string =>
  ({
    pengaduan: msg('Pengaduan'),
    aspirasi: msg('Aspirasi'),
    informasi: msg('Permintaan informasi'),
  })[kind];

export const kindHelp = (kind: ReportKind): string =>
  ({
    pengaduan: msg('Keluhan atas pelayanan publik yang tidak sesuai standar atau pelanggaran oleh petugas.'),
    aspirasi: msg('Saran atau usulan untuk perbaikan pelayanan publik.'),
    informasi: msg('Permintaan informasi publik kepada instansi pemerintah.'),
  })[kind];

/** A status as the visitor reads it; `sentTo` says where a sent report went (SP4N-LAPOR!, unless the hub says otherwise). */
export const statusLabel = (status: ReportStatus, sentTo?: ReportView['sentTo']): string =>
  ({
    received: msg('Diterima'),
    submitted: sentTo === 'institution' ? msg('Dikirim ke instansi tujuan') : msg('Dikirim ke SP4N-LAPOR!'),
    verified: msg('Terverifikasi'),
    forwarded: msg('Diteruskan ke instansi'),
    followed_up: msg('Ditindaklanjuti'),
    finished: msg('Selesai'),
    held: msg('Ditunda'),
    not_authority: msg('Bukan wewenang instansi'),
    archived: msg('Diarsipkan'),
    reopened: msg('Dibuka kembali'),
  })[status];

/**
 * Categories named in the visitor's language. The hub's list
 * (hub/data/categories.json) names them in Indonesian; the translation check
 * fails when one of its categories is missing here. A category an operator
 * added keeps the name the hub gives it.
 */
export function categoryNames<T extends { id: string; name: string }>(categories: readonly T[]): T[] {
  const names: Record<string, string> = {
    'pendidikan-kebudayaan': msg('Pendidikan dan Kebudayaan'),
    kesehatan: msg('Kesehatan'),
    infrastruktur: msg('Infrastruktur'),
    'administrasi-kependudukan': msg('Administrasi Kependudukan'),
    ketenagakerjaan: msg('Ketenagakerjaan'),
    perhubungan: msg('Perhubungan'),
    'sosial-kesejahteraan': msg('Sosial dan Kesejahteraan'),
    'lingkungan-hidup': msg('Lingkungan Hidup dan Kehutanan'),
    'ekonomi-keuangan': msg('Ekonomi dan Keuangan'),
    'pertanian-peternakan': msg('Pertanian dan Peternakan'),
    'energi-sumber-daya-alam': msg('Energi dan Sumber Daya Alam'),
    'ketentraman-ketertiban': msg('Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat'),
    'politik-hukum': msg('Politik dan Hukum'),
    lainnya: msg('Topik Lainnya'),
  };
  return categories.map((category) => ({ ...category, name: names[category.id] ?? category.name }));
}

export const categoryName = (category: { id: string; name: string }): string =>
  categoryNames([category])[0]?.name ?? category.name;

/** The report's number at the destination it was sent to, as `sentTo` names it. */
export const referenceLabel = (reference: string, sentTo?: ReportView['sentTo']): string =>
  sentTo === 'institution'
    ? msg(str`Nomor laporan di instansi tujuan: ${reference}`)
    : msg(str`Nomor laporan di SP4N-LAPOR!: ${reference}`);

const LENGTHS: Record<string, readonly [min: number, max: number]> = {
  ...TEXT_LIMITS,
  'reporter.email': [0, REPORTER_EMAIL_MAX_LENGTH],
  'reporter.phone': [0, REPORTER_PHONE_MAX_LENGTH],
};

/** A field's error in the visitor's language; `empty` says the visitor left it blank. */
export function fieldMessage(field: string, error: FieldError, empty: boolean): string {
  const [min, max] = LENGTHS[field] ?? [0, 0];
  if (field === 'institutionId' && empty) return msg('Pilih instansi tujuan dari daftar.');
  if (empty && error.code !== 'too_big') return msg('Wajib diisi.');
  switch (error.code) {
    case 'too_small':
      return msg(str`Terlalu pendek: paling sedikit ${min} karakter.`);
    case 'too_big':
      return msg(str`Terlalu panjang: paling banyak ${max} karakter.`);
    case 'future':
      return msg('Tanggal kejadian tidak boleh setelah hari ini.');
    case 'unknown_institution':
      return msg('Instansi ini tidak dikenal oleh hub.');
    case 'unknown_category':
      return msg('Kategori ini tidak dikenal oleh hub.');
  }
  if (field === 'incidentDate') return msg('Tanggal tidak valid.');
  if (field === 'reporter.email') return msg('Alamat email tidak valid, contoh: nama@contoh.id.');
  if (field === 'reporter.phone') return msg('Nomor telepon tidak valid, contoh: 0812 3456 7890.');
  return msg('Isian ini tidak valid.');
}

/** Why talking to the hub failed, for a visitor; the tracker adds the codes only its calls get (lapor-tracker/tracker-messages.ts). */
export function hubErrorMessage(error: HubError): string {
  switch (error.code) {
    case 'network':
      return msg('Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.');
    case 'validation_failed':
      return msg('Beberapa isian perlu diperbaiki.');
    case 'rate_limited':
      return rateLimitedMessage(error.retryAfter);
    case 'payload_too_large':
      return msg('Laporan terlalu besar untuk dikirim.');
    case 'origin_not_allowed':
      return msg(
        'Situs ini belum didaftarkan pada hub pengaduan, sehingga laporan tidak dapat dikirim atau dilacak dari halaman ini.',
      );
    default:
      return msg('Terjadi kesalahan di server. Coba lagi nanti.');
  }
}

/** The hub is being asked too often from this address: how long to wait, when it said. */
function rateLimitedMessage(seconds: number): string {
  if (!seconds) return msg('Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.');
  if (seconds < 90) return msg(str`Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`);
  return msg(str`Terlalu banyak permintaan. Coba lagi dalam ${Math.ceil(seconds / 60)} menit.`);
}

/** Why a typed Tracking ID was refused before asking the hub. */
export function trackingIdMessage(reason: 'format' | 'checksum' | 'empty'): string {
  switch (reason) {
    case 'empty':
      return msg('Masukkan Tracking ID laporan Anda.');
    case 'format':
      return msg('Tracking ID terdiri dari 9 huruf dan angka setelah LPR, misalnya LPR-7K3M-9Q2X-T.');
    case 'checksum':
      return msg('Tracking ID ini tidak valid: mungkin ada huruf atau angka yang salah ketik.');
  }
}

/** Why a chosen file cannot be attached. */
export function attachmentMessage(name: string, problem: string): string {
  switch (problem) {
    case 'too_many':
      return msg(str`Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`);
    case 'too_big':
      return msg(str`${name}: lebih besar dari 2 MB.`);
    case 'empty':
      return msg(str`${name}: berkas kosong.`);
    case 'damaged':
      return msg(str`${name}: berkas rusak atau tidak dapat dibaca.`);
    default:
      return msg(str`${name}: jenis berkas ini tidak diterima.`);
  }
}

export const deadlineLabel = (kind: Deadline['kind']): string =>
  ({
    forward: msg('Batas verifikasi dan penerusan'),
    follow_up: msg('Batas tindak lanjut'),
    auto_close: msg('Ditutup otomatis bila pelapor tidak menanggapi'),
    resolution: msg('Batas penyelesaian'),
  })[kind];

/** "3 hari kerja lagi", "hari ini", "terlambat 2 hari kerja". */
export function workingDaysLeft(deadline: Deadline): string {
  const days = Math.abs(deadline.workingDaysLeft);
  if (deadline.overdue) return days === 1 ? msg('terlambat 1 hari kerja') : msg(str`terlambat ${days} hari kerja`);
  if (days === 0) return msg('hari ini');
  return days === 1 ? msg('1 hari kerja lagi') : msg(str`${days} hari kerja lagi`);
}
