import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { confirmChecklist, fileThroughApi, fillReport, tabTo } from './report-form';

test('a visitor files a report on the school site and finds it in the tracker', async ({ page }) => {
  await page.goto('/demo/');
  const form = page.locator('lapor-form');
  await expect(form.getByRole('combobox', { name: 'Instansi tujuan' })).toHaveValue('SMK SMAK Makassar');

  await fillReport(page, {
    title: 'Pungutan liar saat daftar ulang',
    body: 'Saat daftar ulang pada 3 Maret 2026, wali murid kelas X diminta membayar Rp250.000 tanpa kuitansi.',
    incidentDate: '2026-03-03',
    location: 'Ruang Tata Usaha, SMK SMAK Makassar',
  });
  await form.getByLabel('Rahasia').check();
  await form.getByLabel('Lampiran (opsional)').setInputFiles({
    name: 'kuitansi.png',
    mimeType: 'image/png',
    buffer: readFileSync(new URL('../hub/src/attachments/fixtures/photo.png', import.meta.url)),
  });
  await expect(form.locator('[part=attachments]')).toContainText('kuitansi.png');
  await confirmChecklist(page);
  await form.getByRole('button', { name: 'Kirim laporan' }).click();

  const trackingId = (await form.locator('[part=tracking-id]').textContent())?.trim() ?? '';
  expect(trackingId).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  const receipt = (await form.locator('[part=receipt]').textContent())?.trim() ?? '';

  const tracker = page.locator('lapor-tracker');
  await tracker.getByLabel('Tracking ID').fill(trackingId.toLowerCase().replaceAll('-', ' '));
  await tracker.getByRole('button', { name: 'Lihat status' }).click();
  // Received at the hub, or already passed on by the outbox to the (local) national desk.
  await expect(tracker.locator('[part=status]')).toHaveText(/^(Diterima|Dikirim ke SP4N-LAPOR!)$/);
  await expect(tracker.locator('[part=deadline]')).toContainText(/hari kerja lagi$/);
  await expect(tracker.locator('[part=report]')).toContainText('SMK SMAK Makassar');
  await expect(tracker.locator('[part=report]')).not.toContainText('Pungutan liar', { timeout: 100 });

  await tracker.getByLabel('Kode bukti (opsional)').fill(receipt);
  await tracker.getByRole('button', { name: 'Lihat status' }).click();
  await expect(tracker.getByRole('heading', { name: 'Pungutan liar saat daftar ulang' })).toBeVisible();

  // The report is confidential: its attachment comes only with the receipt, fetched by the tracker.
  const attachments = tracker.locator('[part=attachments]');
  await expect(attachments).toContainText('kuitansi.png');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    attachments.getByRole('button', { name: 'kuitansi.png' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kuitansi.png');
  const saved = readFileSync(await download.path());
  expect(saved.subarray(1, 4).toString('latin1')).toBe('PNG');
  const own = await page.request.get(`/api/v1/reports/${trackingId}`, {
    headers: { Authorization: `Receipt ${receipt}` },
  });
  const [attachment] = (await own.json()).attachments;
  expect((await page.request.get(attachment.url)).status(), 'without the receipt').toBe(401);
});

const libraryRequest = {
  kind: 'aspirasi',
  title: 'Tambah jam buka perpustakaan',
  body: 'Mohon perpustakaan sekolah dibuka sampai sore agar siswa bisa belajar setelah praktik.',
  incidentDate: '2026-11-02',
  location: { text: 'Perpustakaan SMK SMAK Makassar' },
  institutionId: 'smk-smak-makassar',
};

test("the hub's tracker page opens a report from its link", async ({ page, request }) => {
  const { trackingId } = await fileThroughApi(request, libraryRequest);
  await page.goto(`/lacak/#lapor=${trackingId}`);
  await expect(
    page.locator('lapor-tracker').getByRole('heading', { name: 'Tambah jam buka perpustakaan' }),
  ).toBeVisible();
});

test('a reporter follows and answers a report with the keyboard alone, on a 320 px phone', async ({
  page,
  request,
}) => {
  const { trackingId, receipt } = await fileThroughApi(request, libraryRequest);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/lacak/');
  const tracker = page.locator('lapor-tracker');
  await tracker.getByLabel('Tracking ID').waitFor();
  await tabTo(page, 'tracking-id');
  await page.keyboard.type(trackingId.toLowerCase());
  await tabTo(page, 'receipt');
  await page.keyboard.type(receipt);
  await page.keyboard.press('Enter');
  await expect(tracker.getByRole('heading', { name: 'Tambah jam buka perpustakaan' })).toBeVisible();
  await tabTo(page, 'comment');
  await page.keyboard.type('Terima kasih, kami tunggu kabarnya.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(tracker.locator('[part=reporter-actions]')).toContainText('Balasan Anda telah dikirim');
  await expect(tracker.locator('[part=timeline]')).toContainText('Terima kasih, kami tunggu kabarnya.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the local national desk moves a report, and the tracker follows', async ({ page, baseURL }) => {
  await page.goto('/demo/');
  const form = await fillReport(page, {
    title: 'Sertifikat kompetensi tidak kunjung diterbitkan',
    body: 'Sudah tiga bulan sejak uji kompetensi, sertifikat belum juga diterbitkan oleh sekolah tanpa penjelasan.',
    incidentDate: '2026-08-20',
    location: 'SMK SMAK Makassar',
  });
  await confirmChecklist(page);
  await form.getByRole('button', { name: 'Kirim laporan' }).click();
  const trackingId = (await form.locator('[part=tracking-id]').textContent())?.trim() ?? '';
  const receipt = (await form.locator('[part=receipt]').textContent())?.trim() ?? '';

  const desk = new URL(baseURL ?? '');
  desk.port = String(Number(desk.port) + 1);
  const deskPage = await page.context().newPage();
  await deskPage.goto(desk.href);
  await expect(deskPage.getByRole('heading', { level: 1 })).toContainText('simulasi lokal, bukan SP4N-LAPOR!');
  const report = deskPage.locator('section', { hasText: 'Sertifikat kompetensi' });
  // The outbox delivers within seconds; the desk page shows what it had when loaded.
  await expect(async () => {
    await deskPage.reload();
    await expect(report).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await report.getByRole('button', { name: 'VERIFIKASI' }).click();
  // No wrong door: the national desk passes the report to the body with authority over it.
  const verified = deskPage.locator('section', { hasText: 'Sertifikat kompetensi' });
  await verified.getByLabel('Disposisi ke instansi lain').fill('Dinas Pendidikan Provinsi Sulawesi Selatan');
  await verified.getByRole('button', { name: 'DISPOSISI' }).click();

  const tracker = page.locator('lapor-tracker');
  await expect(async () => {
    await tracker.getByLabel('Tracking ID').fill(trackingId);
    await tracker.getByRole('button', { name: 'Lihat status' }).click();
    await expect(tracker.locator('[part=status]')).toHaveText('Diteruskan ke instansi', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(tracker.locator('[part=timeline]')).toContainText('Terverifikasi');
  await expect(tracker.locator('[part=report]')).toContainText('Dinas Pendidikan Provinsi Sulawesi Selatan');
  await expect(tracker.locator('[part=deadline]').first()).toContainText('hari kerja');

  // The institution responds; the reporter, with the receipt, replies and then reopens.
  const section = deskPage.locator('section', { hasText: 'Sertifikat kompetensi' });
  await section.getByLabel('Tanggapan').fill('Sertifikat akan diterbitkan pekan depan.');
  await section.getByRole('button', { name: 'TINDAK_LANJUT' }).click();
  await tracker.getByLabel('Kode bukti (opsional)').fill(receipt);
  await expect(async () => {
    await tracker.getByRole('button', { name: 'Lihat status' }).click();
    await expect(tracker.locator('[part=status]')).toHaveText('Ditindaklanjuti', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(tracker.locator('[part=timeline]')).toContainText('Sertifikat akan diterbitkan pekan depan.');

  await tracker.getByLabel('Balasan atau informasi tambahan').fill('Pekan lalu juga dijanjikan hal yang sama.');
  await tracker.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(tracker.locator('[part=reporter-actions]')).toContainText('Balasan Anda telah dikirim');
  await tracker.getByLabel('Tidak puas? Alasan membuka kembali laporan').fill('Sertifikat belum juga diterbitkan.');
  await tracker.getByRole('button', { name: 'Buka kembali laporan' }).click();
  await expect(tracker.locator('[part=status]')).toHaveText('Dibuka kembali');

  // Both reach the national desk through the outbox.
  await expect(async () => {
    await deskPage.reload();
    await expect(deskPage.locator('section', { hasText: 'Sertifikat kompetensi' })).toContainText('BUKA_KEMBALI', {
      timeout: 500,
    });
  }).toPass({ timeout: 15_000 });
  await expect(deskPage.locator('section', { hasText: 'Sertifikat kompetensi' })).toContainText(
    'Pekan lalu juga dijanjikan',
  );
});
