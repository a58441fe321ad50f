import { BODY_MIN_LENGTH, type ReportStatus } from '../../../contract';
import { STATUS } from '../notifications/message';

/**
 * What the hub answers by SMS, in Indonesian as SMS 1708 does. Kept short
 * (one or two messages of 160 characters where it can) and in plain
 * characters a basic phone shows.
 */
export const SMS_REPLIES = {
  help:
    'Kirim LAPOR <isi laporan> untuk melapor (LAPOR ANONIM / LAPOR RAHASIA bila perlu), ' +
    'ASPIRASI <isi> atau INFO <isi>. Cek laporan: CEK <Tracking ID>. Batalkan: BATAL.',
  tooShort: `Laporan terlalu singkat: tulis apa yang terjadi, minimal ${BODY_MIN_LENGTH} huruf. Contoh: LAPOR jalan di depan SDN 3 berlubang sejak sebulan dan sudah dua motor jatuh.`,
  askPlace:
    'Di mana kejadiannya? Balas dengan nama tempat atau alamat (mis. Jl. Merdeka 5, Kel. Sukamaju). Balas BATAL untuk membatalkan.',
  badPlace: 'Tempat kejadian belum terbaca. Balas dengan nama tempat atau alamat, minimal 3 huruf.',
  askDate: 'Kapan kejadiannya? Balas tanggal (mis. 28-11-2026 atau 28 Nov), atau HARI INI / KEMARIN.',
  badDate: 'Tanggal belum terbaca atau belum terjadi. Balas seperti 28-11-2026, 28 Nov, HARI INI atau KEMARIN.',
  cancelled: 'Laporan dibatalkan; tidak ada yang dikirim. Kirim LAPOR <isi laporan> untuk memulai lagi.',
  nothingToCancel: 'Tidak ada laporan yang sedang ditulis.',
  tooMany: (at: string) => `Terlalu banyak laporan dari nomor ini. Coba lagi setelah pukul ${at}.`,
  refused: (why: string) => `Maaf, laporan belum dapat diterima: ${why}. Hubungi instansi bila berulang.`,
  received: (trackingId: string, receipt: string, trackerUrl: string | undefined) =>
    `Laporan diterima. Tracking ID: ${trackingId}. Cek: balas CEK ${trackingId}` +
    (trackerUrl ? ` atau buka ${trackerUrl}` : '') +
    `. Kode bukti (rahasiakan; untuk membalas atau menilai di situs): ${receipt}`,
  stopped: (trackingId: string) =>
    `Anda tidak akan lagi menerima kabar laporan ${trackingId} lewat SMS. Laporan tetap diproses; cek dengan CEK ${trackingId}.`,
  notFound: (trackingId: string) => `Laporan ${trackingId || 'itu'} tidak ditemukan. Periksa Tracking ID Anda.`,
  status: (trackingId: string, status: ReportStatus, deadline: string | undefined) =>
    `Laporan ${trackingId}: ${STATUS.id[status]}.${deadline ? ` Batas waktu tahap ini: ${deadline}.` : ''}`,
} as const;
