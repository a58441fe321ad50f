import { expect, test } from '@playwright/test';
import { fileThroughApi } from './report-form';

const reporter = { name: 'Siti Rahmawati', email: 'siti.rahma@example.id', phone: '081299887766' };
const secret = 'BendaharaZq';

test('the public tracker shows an anonymous, confidential report’s life, never its words or its reporter', async ({
  page,
  request,
}) => {
  const { trackingId, receipt } = await fileThroughApi(request, {
    kind: 'pengaduan',
    title: `Pungutan oleh ${secret} saat daftar ulang`,
    body: `${secret} meminta Rp250.000 tanpa kuitansi kepada wali murid kelas X.`,
    incidentDate: '2026-11-02',
    location: { text: 'Ruang Tata Usaha, SMK SMAK Makassar' },
    institutionId: 'smk-smak-makassar',
    anonymous: true,
    confidential: true,
    reporter,
  });
  const comment = await request.post(`/api/v1/reports/${trackingId}/comments`, {
    headers: { Authorization: `Receipt ${receipt}` },
    data: { text: `Saya ${reporter.name} (${reporter.phone}); ${secret} masih meminta uang.` },
  });
  expect(comment.status()).toBe(201);

  await page.goto(`/lacak/#lapor=${trackingId}`);
  const tracker = page.locator('lapor-tracker');
  await expect(tracker.locator('[part=timeline]')).toContainText('Balasan pelapor');
  const rendered = await tracker.evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(rendered).toContain(trackingId);
  for (const marker of [secret, 'Siti', 'Rahmawati', reporter.email, '8877', 'masih meminta']) {
    expect(rendered, `the public tracker shows ${marker}`).not.toContain(marker);
  }
});
