/** A complete, valid report as a visitor files it: for tests, benchmarks and drills. */
export const sampleReport = {
  kind: 'pengaduan',
  title: 'Pungutan liar saat daftar ulang',
  body: 'Saat daftar ulang pada 3 Maret 2026, wali murid kelas X diminta membayar Rp250.000 tanpa kuitansi.',
  incidentDate: '2026-03-03',
  location: { text: 'Ruang Tata Usaha, SMK SMAK Makassar', regionCode: '73.71' },
  institutionId: 'smk-smak-makassar',
  categoryId: 'pendidikan-kebudayaan',
  anonymous: false,
  confidential: false,
  reporter: { name: 'Andi Pratama', email: 'andi@example.id', phone: '081234567890' },
};
