import { type APIRequestContext, expect, type FrameLocator, type Page } from '@playwright/test';
import { solveChallenge } from 'altcha-lib/v1';

/** Fills the <lapor-form> on a page (or in a frame of it) as a visitor would; the caller sends it. */
export async function fillReport(
  page: Page | FrameLocator,
  report: { title: string; body: string; incidentDate: string; location: string },
) {
  const form = page.locator('lapor-form');
  await form.getByLabel('Judul laporan').fill(report.title);
  await form.getByLabel('Isi laporan', { exact: true }).fill(report.body);
  await form.getByLabel('Tanggal kejadian').fill(report.incidentDate);
  await form.getByLabel('Lokasi kejadian').fill(report.location);
  return form;
}

/** Ticks the pre-submit checklist. */
export async function confirmChecklist(page: Page | FrameLocator) {
  for (const box of await page.locator('lapor-form').locator('[name=checklist]').all()) await box.check();
}

/** Moves the focus with Tab until the element with `id` (in the page or a widget's shadow root) has it. */
export async function tabTo(page: Page, id: string) {
  const focusedId = () =>
    page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id ?? document.activeElement?.id);
  for (let i = 0; i < 60 && (await focusedId()) !== id; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe(id);
}

/** Files a report straight through the API, solving the hub's proof-of-work as the widget does. */
export async function fileThroughApi(request: APIRequestContext, report: object) {
  const challenge = await (await request.get('/api/v1/challenge')).json();
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  const proof = Buffer.from(JSON.stringify({ ...challenge, number: solution?.number })).toString('base64');
  const res = await request.post('/api/v1/reports', { headers: { 'X-Altcha': proof }, data: report });
  expect(res.status()).toBe(201);
  return (await res.json()) as { trackingId: string; receipt: string };
}
