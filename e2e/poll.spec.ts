import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';

const require = createRequire(import.meta.url);
const OPERATOR = { Authorization: 'Bearer e2e-operator-token-0123456789' };

/** The demo page under a strict Content-Security-Policy: the element's bars are drawn without inline styles. */
async function withStrictCsp(page: Page) {
  await page.route('**/demo/poll.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
      },
    });
  });
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
    ).axe.run();
    return violations.map((v) => v.id);
  });
}

test('a visitor votes in the school’s poll, changes the vote, and reads the results once it closes', async ({
  browser,
  request,
}) => {
  // A context without the page's policy for axe, which is injected as a script of the test's own.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await withStrictCsp(page);
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
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
