import { expect, test } from '@playwright/test';
import { axeViolations, collectProblems, withStrictCsp } from './page-checks';

const OPERATOR = { Authorization: 'Bearer e2e-operator-token-0123456789' };

test('a visitor votes in the school’s poll, changes the vote, and reads the results once it closes', async ({
  page,
  request,
}) => {
  const problems = collectProblems(page);
  // The element's bars are drawn without inline styles: the policy would refuse them, and say so in the console.
  await withStrictCsp(page, '**/demo/poll.html');
  await page.goto('/demo/poll.html');
  const poll = page.locator('lapor-poll');
  await expect(poll.getByRole('heading', { level: 2 })).toHaveText(/jam masuk sekolah/);
  expect(await axeViolations(page)).toEqual([]);

  await poll.getByRole('radio', { name: 'Setuju', exact: true }).check();
  await poll.getByRole('button', { name: 'Kirim pilihan' }).click();
  await expect(poll.getByRole('status')).toContainText('Terima kasih, suara Anda telah diterima.');

  // The next visit from this browser finds its vote, and changes it.
  await page.reload();
  await expect(poll.getByRole('status')).toContainText('Pilihan Anda: Setuju.');
  await poll.getByRole('button', { name: 'Ubah pilihan' }).click();
  await poll.getByRole('radio', { name: 'Tidak setuju' }).check();
  await poll.getByRole('button', { name: 'Simpan pilihan baru' }).click();
  await expect(poll.getByRole('status')).toContainText('Pilihan Anda telah diubah.');

  // While open, the hub shows no count to anyone.
  const listed = await (await request.get('/api/v1/polls?institution=smk-smak-makassar')).json();
  const id: string = listed.items[0].id;
  expect(JSON.stringify(listed)).toContain(id);
  expect(JSON.stringify(listed)).not.toContain('"results"');

  const closed = await request.post(`/api/v1/admin/polls/${id}/close`, { headers: OPERATOR });
  expect(closed.status()).toBe(200);
  await page.reload();
  const table = poll.getByRole('table', { name: 'Hasil jajak pendapat' });
  await expect(table.getByRole('row', { name: /Tidak setuju \(pilihan Anda\) 1 100 %/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Setuju 0 0 %/ })).toBeVisible();
  const bars = poll.locator('svg.bar');
  await expect(bars.nth(1)).toBeVisible();
  expect((await bars.nth(1).locator('rect').boundingBox())?.width).toBeCloseTo(
    (await bars.nth(1).boundingBox())?.width ?? 0,
    0,
  );
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
