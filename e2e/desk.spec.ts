import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { axeViolations, collectProblems } from './page-checks';
import { fileThroughApi } from './report-form';

test('an institution’s desk answers a report from its desk page, and the reporter sees the answer', async ({
  page,
  request,
  baseURL,
}) => {
  const { trackingId, receipt } = await fileThroughApi(request, {
    kind: 'pengaduan',
    title: 'Pungutan saat daftar ulang',
    body: 'Wali murid kelas X diminta membayar Rp250.000 saat daftar ulang tanpa kuitansi resmi.',
    incidentDate: '2026-03-03',
    location: { text: 'Ruang Tata Usaha' },
    institutionId: 'smk-smak-makassar',
    anonymous: true,
    reporter: { name: 'Sitti Rahmawati', email: 'sitti@example.id' },
  });
  // A desk gets its link once the report has reached it: here the outbox passes it on within a second or two.
  await expect
    .poll(async () => (await (await request.get(`/api/v1/reports/${trackingId}`)).json()).status, { timeout: 15_000 })
    .toBe('submitted');
  // The link an email desk gets, as the operator's command gives it again: the hub's own key and address.
  const port = new URL(baseURL ?? '').port;
  const link = execFileSync('node', ['dist/hub/cli.js', 'desk', 'link', trackingId], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, PORT: port, HOST: '127.0.0.1' },
    encoding: 'utf8',
  }).trim();
  expect(link).toContain(`/desk/v1/${trackingId.toLowerCase()}.`);

  const problems = collectProblems(page);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pengaduan ${trackingId}`);
  await expect(page.getByText('Anonim: identitas pelapor tidak disampaikan')).toBeVisible();
  await expect(page.locator('body')).toContainText('Ruang Tata Usaha');
  await expect(page.locator('body')).not.toContainText('Sitti', { timeout: 100 });
  expect(await axeViolations(page)).toEqual([]);

  await page
    .getByLabel('Tanggapan kepada pelapor (status menjadi ditindaklanjuti)')
    .fill('Pungutan sudah dihentikan; uang wali murid dikembalikan Senin depan.');
  await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(page.getByRole('status')).toHaveText('Tanggapan terkirim kepada pelapor.');
  await expect(page.locator('body')).toContainText('Status: ditindaklanjuti');
  expect(problems).toEqual([]);

  const asReporter = await request.get(`/api/v1/reports/${trackingId}`, {
    headers: { Authorization: `Receipt ${receipt}` },
  });
  const view = await asReporter.json();
  expect(view.status).toBe('followed_up');
  expect(view.timeline.at(-1).note).toBe('Pungutan sudah dihentikan; uang wali murid dikembalikan Senin depan.');
});
