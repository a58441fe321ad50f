import { expect, type Page, test } from '@playwright/test';
import { axeViolations, collectProblems, withStrictCsp } from './page-checks';
import { fileThroughApi } from './report-form';

const TITLE = 'Biaya praktik bengkel dipungut tanpa dasar';

/** The local national desk, on the port after the hub's. */
async function openDesk(page: Page, baseURL: string | undefined) {
  const desk = new URL(baseURL ?? '');
  desk.port = String(Number(desk.port) + 1);
  const deskPage = await page.context().newPage();
  await deskPage.goto(desk.href);
  return deskPage;
}

test('a report filed, forwarded and answered on the national desk appears with its figures on the Transparansi page', async ({
  page,
  request,
  baseURL,
}) => {
  // Five reports with their proofs of work, the outbox's delivery to the desk and the projector's passes:
  // more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const school = {
    kind: 'pengaduan',
    incidentDate: '2026-11-10',
    location: { text: 'SMK SMAK Makassar', regionCode: '73.71' },
    institutionId: 'smk-smak-makassar',
    categoryId: 'pendidikan-kebudayaan',
    anonymous: false,
    confidential: false,
  };
  // Four more reports from Makassar: a place is broken down from five reports on.
  for (const topic of [
    'Toilet siswa rusak',
    'Kartu pelajar belum dibagikan',
    'Jadwal ujian berubah',
    'Lampu kelas mati',
  ]) {
    await fileThroughApi(request, {
      ...school,
      title: topic,
      body: `${topic} sejak awal semester dan belum ditangani.`,
    });
  }
  const { trackingId } = await fileThroughApi(request, {
    kind: 'pengaduan',
    title: TITLE,
    body: 'Setiap siswa kelas XI diminta membayar Rp150.000 untuk bahan praktik bengkel tanpa surat edaran sekolah.',
    incidentDate: '2026-11-10',
    location: { text: 'Bengkel otomotif, SMK SMAK Makassar', regionCode: '73.71' },
    institutionId: 'smk-smak-makassar',
    categoryId: 'pendidikan-kebudayaan',
    anonymous: false,
    confidential: false,
    reporter: { name: 'Rudi Hartono', email: 'rudi.hartono@example.id', phone: '081355501234' },
  });

  // The national desk verifies it, forwards it to the school (no other body named) and the school answers.
  const desk = await openDesk(page, baseURL);
  const report = desk.locator('section', { hasText: TITLE });
  await expect(async () => {
    await desk.reload();
    await expect(report).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await report.getByRole('button', { name: 'VERIFIKASI' }).click();
  await desk.locator('section', { hasText: TITLE }).getByRole('button', { name: 'DISPOSISI' }).click();
  const forwarded = desk.locator('section', { hasText: TITLE });
  await forwarded.getByLabel('Tanggapan').fill('Pungutan dihentikan; biaya bahan praktik ditanggung sekolah.');
  await forwarded.getByRole('button', { name: 'TINDAK_LANJUT' }).click();

  // The school's transparency page, under a policy without inline script or style.
  const problems = collectProblems(page);
  await withStrictCsp(page, '**/demo/transparansi.html');
  const monitor = page.locator('lapor-monitor');
  const listed = monitor.locator('[part=report]', { hasText: TITLE });
  await expect(async () => {
    await page.goto('/demo/transparansi.html');
    await expect(listed.locator('.status')).toHaveText('Ditindaklanjuti', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(monitor.getByRole('heading', { level: 2 })).toHaveText('Pemantauan laporan: SMK SMAK Makassar');
  await expect(listed).toContainText('Kota Makassar');
  await expect(listed).not.toContainText('Rudi');
  expect(await axeViolations(page)).toEqual([]);

  // Its figures: what the hub counts for the school, shown with what each means.
  const stats = await (await request.get('/api/v1/public/stats?institution=smk-smak-makassar')).json();
  expect(stats.totals.answered).toBeGreaterThanOrEqual(1);
  await monitor.getByRole('tab', { name: 'Angka' }).click();
  const answered = monitor.locator('.figure', { has: page.getByText('Ditindaklanjuti', { exact: true }) });
  await expect(answered.locator('.value')).toHaveText(String(stats.totals.answered));
  await expect(answered.locator('.explanation')).toContainText('tindak lanjut pertama');
  const received = monitor.locator('.figure', { has: page.getByText('Laporan diterima', { exact: true }) });
  await expect(received.locator('.value')).toHaveText(String(stats.totals.received));
  expect(await axeViolations(page)).toEqual([]);

  // By place: the table always, the map when asked for, shaded without inline styles.
  await monitor.getByRole('tab', { name: 'Wilayah' }).click();
  const provinces = monitor.getByRole('table', { name: 'Per provinsi' });
  await expect(provinces.getByRole('row', { name: /Sulawesi Selatan/ })).toBeVisible();
  await monitor.getByRole('button', { name: 'Tampilkan peta' }).click();
  await expect(monitor.locator('[part=map] path')).toHaveCount(38);
  await expect(monitor.locator('[part=map] path[data-code="73"]')).toHaveAttribute('class', /step-\d/);
  await provinces.getByRole('button', { name: /Sulawesi Selatan/ }).click();
  await expect(monitor.getByRole('table', { name: 'Kabupaten dan kota di Sulawesi Selatan' })).toBeVisible();
  await expect(monitor.locator('[part=map] path[data-code="73.71"]')).toHaveAttribute('class', /step-\d/);
  expect(await axeViolations(page)).toEqual([]);

  // Each report opens in the school's tracker.
  await monitor.getByRole('tab', { name: 'Laporan' }).click();
  await listed.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/demo/index.html#lapor=${trackingId}$`));
  await expect(page.locator('lapor-tracker').locator('[part=status]')).toHaveText('Ditindaklanjuti');
  expect(problems).toEqual([]);
});
