import type { Page } from '@playwright/test';

/** Fills the demo's <lapor-form> as a visitor would, ticking the checklist; the caller sends it. */
export async function fillReport(
  page: Page,
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
export async function confirmChecklist(page: Page) {
  for (const box of await page.locator('lapor-form').locator('[name=checklist]').all()) await box.check();
}
