import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { axeViolations, collectProblems, withStrictCsp } from './page-checks';
import { confirmChecklist, fillReport, tabTo as tabToId } from './report-form';

async function fillQueueReport(page: Page | FrameLocator) {
  const form = await fillReport(page, {
    title: 'Antrean layanan legalisir terlalu lama',
    body: 'Pada 10 November 2026 saya menunggu empat jam untuk legalisir ijazah tanpa kejelasan giliran.',
    incidentDate: '2026-11-10',
    location: 'Ruang Tata Usaha, SMK SMAK Makassar',
  });
  await confirmChecklist(page);
  return form;
}

test('works under a strict Content-Security-Policy', async ({ page }) => {
  const problems = collectProblems(page);
  await withStrictCsp(page, '**/demo/');
  await page.goto('/demo/');
  const form = await fillQueueReport(page);
  await form.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(form.locator('[part=tracking-id]')).toHaveText(/^LPR-/);
  expect(problems).toEqual([]);
});

test('loading the script twice, or beside a one-element bundle, does no harm', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/demo/');
  await page.evaluate(async () => {
    await import(`/widget/lapor.js?again=${Date.now()}`);
    for (const bundle of ['lapor-form.js', 'lapor-tracker.js']) await import(`/widget/${bundle}`);
  });
  await expect(page.locator('lapor-form').getByLabel('Judul laporan')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a one-element bundle defines its element alone', async ({ page }) => {
  await page.goto('/demo/builder.html');
  const defined = await page.evaluate(async () => {
    // A fresh document, so the page's own lapor.js does not answer for the bundle.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = '/widget/lapor-tracker.js';
    win.document.head.append(script);
    await win.customElements.whenDefined('lapor-tracker');
    return {
      form: Boolean(win.customElements.get('lapor-form')),
      tracker: Boolean(win.customElements.get('lapor-tracker')),
    };
  });
  expect(defined).toEqual({ form: false, tracker: true });
});

/** Loads each bundle into a fresh document of its own (the page's own lapor-form.js must not answer for it). */
async function loadInFrames(page: Page, lang: string, bundles: [bundle: string, tag: string][]) {
  await page.evaluate(
    ({ lang, bundles }) => {
      for (const [bundle, tag] of bundles) {
        const frame = document.createElement('iframe');
        frame.className = 'bundle';
        document.body.append(frame);
        const doc = (frame.contentWindow as Window).document;
        doc.documentElement.lang = lang;
        doc.body.innerHTML = `<${tag}></${tag}>`;
        const script = doc.createElement('script');
        script.type = 'module';
        script.src = `/widget/${bundle}`;
        doc.head.append(script);
      }
    },
    { lang, bundles },
  );
  return () =>
    page.evaluate(() => {
      const [form, tracker] = [...document.querySelectorAll<HTMLIFrameElement>('iframe.bundle')].map(
        (frame) => frame.contentDocument?.body.firstElementChild?.shadowRoot,
      );
      return {
        form: form?.querySelector('label[for=title]')?.textContent?.trim(),
        tracker: tracker?.querySelector('button[type=submit]')?.textContent?.trim(),
      };
    });
}

test('each one-element bundle speaks English on an English page, with English texts of its own', async ({ page }) => {
  await page.goto('/demo/builder.html');
  const texts = await loadInFrames(page, 'en', [
    ['lapor-form.js', 'lapor-form'],
    ['lapor-tracker.js', 'lapor-tracker'],
  ]);
  await expect.poll(texts).toEqual({ form: 'Report title', tracker: 'Check status' });
});

test('the English bundles speak English with their texts compiled in, whatever the page says', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (/\/widget\/en-/.test(request.url())) chunks.push(request.url());
  });
  await page.goto('/demo/builder.html');
  const texts = await loadInFrames(page, 'id', [
    ['lapor-form.en.js', 'lapor-form'],
    ['lapor-tracker.en.js', 'lapor-tracker'],
  ]);
  await expect.poll(texts).toEqual({ form: 'Report title', tracker: 'Check status' });
  expect(chunks, 'no translations fetched').toEqual([]);
  // Whereas a runtime bundle on an English page fetches its translations, as the listener sees.
  await loadInFrames(page, 'en', [['lapor-tracker.js', 'lapor-tracker']]);
  await expect.poll(() => chunks.length).toBe(1);
});

test('the bundle adds to window only the globals the README names', async ({ page }) => {
  await page.goto('/demo/builder.html');
  const added = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    const before = new Set(Object.getOwnPropertyNames(win));
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = '/widget/lapor.js';
    win.document.head.append(script);
    await win.customElements.whenDefined('lapor-tracker');
    return Object.getOwnPropertyNames(win).filter((name) => !before.has(name));
  });
  // Lit's own: its version registries and the decorators' metadata; the elements live in customElements.
  expect(added.sort()).toEqual([
    'litElementVersions',
    'litHtmlVersions',
    'litPropertyMetadata',
    'reactiveElementVersions',
  ]);
});

test('a visitor files a report with the keyboard alone', async ({ page }) => {
  await page.goto('/demo/');
  const focusedId = () =>
    page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id ?? document.activeElement?.id);
  const tabTo = (id: string) => tabToId(page, id);
  await page.locator('lapor-form').getByLabel('Judul laporan').waitFor();
  await tabTo('kind-pengaduan');
  await page.keyboard.press('ArrowDown'); // radio group: Aspirasi
  await tabTo('title');
  await page.keyboard.type('Usul jam buka perpustakaan diperpanjang');
  await tabTo('body');
  await page.keyboard.type('Mohon perpustakaan sekolah dibuka sampai pukul lima sore agar siswa dapat belajar.');
  await tabTo('incidentDate');
  await page.keyboard.type('02112026'); // the date field's segments, in the browser's own order
  await tabTo('locationText');
  await page.keyboard.type('Perpustakaan SMK SMAK Makassar');
  await tabTo('institutionId');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('perindustrian');
  await expect(page.locator('lapor-form').getByRole('option', { name: 'Kementerian Perindustrian' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  for (const id of ['checklist-0', 'checklist-1', 'checklist-2']) {
    await tabTo(id);
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('');
  await page.keyboard.press('Enter');
  const form = page.locator('lapor-form');
  await expect(form.locator('[part=tracking-id]')).toHaveText(/^LPR-/);
  const trackingId = (await form.locator('[part=tracking-id]').textContent()) ?? '';
  const view = await (await page.request.get(`/api/v1/reports/${trackingId}`)).json();
  expect(view).toMatchObject({ kind: 'aspirasi', institution: { id: 'kemenperin' } });
  // 11 February or 2 November, as the browser's locale orders the date field's segments.
  expect(['2026-02-11', '2026-11-02']).toContain(view.incidentDate);
});

test.describe('the snippet builder', () => {
  test('takes the institution from the directory only, searching once per pause, and writes every variant', async ({
    page,
  }) => {
    const searches: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/institutions')) searches.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/demo/builder.html');
    const snippet = page.locator('#snippet');
    await expect(snippet).toContainText('<lapor-form lang="id">');

    // A name typed but not chosen is not an institution: the snippet leaves it out.
    await page.locator('#institution').pressSequentially('Kementerian Pendidikan', { delay: 20 });
    await expect(page.getByRole('option').first()).toBeVisible();
    expect(searches.length, 'one search per pause, not one per key').toBeLessThanOrEqual(3);
    await expect(snippet).not.toContainText('institution=');
    await expect(snippet).toContainText('<lapor-form lang="id">');

    await page.locator('#institution').fill('');
    await page.locator('#institution').pressSequentially('smak', { delay: 20 });
    await expect(page.getByRole('option', { name: 'SMK SMAK Makassar' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('#institution')).toHaveValue('SMK SMAK Makassar');
    await page.getByLabel('Kunci instansi').check();
    await expect(page.getByLabel('Kategori bawaan').locator('option', { hasText: 'Kesehatan' })).toBeAttached();
    await page.getByLabel('Kategori bawaan').selectOption('pendidikan-kebudayaan');
    await page.getByLabel('Bahasa').selectOption('en');
    await expect(snippet).toContainText('/widget/lapor-form.en.js"></script>');
    await expect(snippet).toContainText(
      '<lapor-form institution="smk-smak-makassar" lock-institution category="pendidikan-kebudayaan">',
    );
    await expect(snippet).toContainText('<noscript><a href="http://127.0.0.1:');
    await expect(snippet).not.toContainText('style=');
    await expect(page.locator('#css')).toContainText('--lapor-color-primary: #0b6e4f;');
    const preview = page.locator('#preview lapor-form');
    await expect(preview.getByLabel('Report title')).toBeVisible();
    await expect(preview.getByText('SMK SMAK Makassar')).toBeVisible();

    // A site key the hub does not know stays out; the demo's own goes in, its institution with it.
    await page.getByLabel('Kunci situs').fill('site_tidakada');
    await expect(page.locator('#site-status')).toContainText('tidak mengenal');
    await expect(snippet).not.toContainText('site=');
    await page.getByLabel('Kunci situs').fill('demo');
    await expect(page.locator('#site-status')).toContainText('Dikenal hub');
    // The site brings its institution and category; only what differs from it is written.
    await expect(snippet).toContainText('<lapor-form site="demo" lock-institution>');

    await page.getByLabel('WordPress (plugin)').check();
    await expect(snippet).toHaveText('[lapor_form site="demo" lock_institution="1" lang="en"]');
    await page.getByLabel('Tanpa skrip (iframe)').check();
    await expect(snippet).toContainText('/lapor/?site=demo&lang=en');
    await expect(snippet).toContainText('/widget/lapor-frame.js');
    await page.getByLabel('Formulir dan pelacak').check();
    await expect(snippet).toContainText('/widget/lapor.en.js');
    await expect(snippet).toContainText('<lapor-tracker></lapor-tracker>');
    // The one refusal is the unknown key's check; no institution was ever asked for by a half-typed name.
    expect(failed).toEqual([expect.stringContaining('404 http://127.0.0.1:')]);
    expect(failed[0]).toContain('/api/v1/sites/site_tidakada/config');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('fits a 360 px phone: nothing wider than the screen, the snippet wrapped', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/demo/builder.html');
    await expect(page.locator('#preview lapor-form').getByLabel('Judul laporan')).toBeVisible();
    await page.getByLabel('Tanpa skrip (iframe)').check();
    await expect(page.locator('#snippet')).toContainText('/lapor/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const pre = await page.locator('#snippet').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(pre.scroll).toBeLessThanOrEqual(pre.client);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('the API reference page renders the OpenAPI document', async ({ page }) => {
  await page.goto('/api/v1/docs/');
  await expect(page.getByRole('heading', { name: /lapor-embed hub/ })).toBeVisible();
  await expect(page.getByText('/api/v1/reports/{trackingId}', { exact: true }).first()).toBeVisible();
});

test.describe('on a school site served over plain http', () => {
  // sekolah.test resolves to this machine (see the config): not localhost, so not a secure context,
  // hence no Web Crypto, as on many school websites.
  test('still solves the proof of work and files the report', async ({ page, baseURL }) => {
    const port = new URL(baseURL ?? '').port;
    await page.goto(`http://sekolah.test:${port}/demo/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const form = await fillQueueReport(page);
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect(form.locator('[part=tracking-id]')).toHaveText(/^LPR-/, { timeout: 20_000 });
  });
});

test.describe('where a page may not run the widget', () => {
  // The school's page is the demo page with its body replaced: served from this machine, as Chromium's
  // local-network checks want (a page made up by the test would count as a public site), its policy
  // set aside so that it may frame and load from the other origin, as a school's own site would.
  test.use({ bypassCSP: true });

  /** The school's page at `origin`, its content replaced by `body` and the scripts `scripts`. */
  async function schoolPage(page: Page, origin: string, body: string, scripts: string[]) {
    await page.goto(`${origin}/demo/`);
    await page.evaluate(
      ({ body, scripts }) => {
        document.body.innerHTML = body;
        for (const src of scripts) {
          const script = document.createElement('script');
          script.type = 'module';
          script.src = src;
          document.head.append(script);
        }
      },
      { body, scripts },
    );
  }

  const withFrame = (hub: string) =>
    `<h1>Pengaduan</h1><iframe src="${hub}/lapor/?site=demo" title="Formulir pengaduan" width="100%" height="400"></iframe>`;

  test('the hub’s form page in an iframe grows with the form and files the report', async ({ page, baseURL }) => {
    const port = new URL(baseURL ?? '').port;
    const hub = `http://127.0.0.1:${port}`;
    // The demo site lists both origins: the page on one, the hub's form page framed from the other.
    await schoolPage(page, `http://localhost:${port}`, withFrame(hub), [`${hub}/widget/lapor-frame.js`]);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('lapor-form').getByLabel('Judul laporan')).toBeVisible();
    const iframe = page.locator('iframe');
    const frameHeight = () => iframe.evaluate((el) => el.clientHeight); // inside its border
    await expect.poll(frameHeight, { message: 'sized to the form' }).toBeGreaterThan(1000);
    const formHeight = () => frame.locator('html').evaluate((el) => el.getBoundingClientRect().height);
    expect(Math.abs((await frameHeight()) - (await formHeight()))).toBeLessThanOrEqual(2);
    const filledHeight = await formHeight();

    await fillQueueReport(frame);
    await frame.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect(frame.locator('[part=tracking-id]')).toHaveText(/^LPR-/);
    await expect.poll(frameHeight, { message: 'shrunk to the confirmation' }).toBeLessThan(filledHeight);
  });

  test('a website the site does not list cannot frame the form page', async ({ page, baseURL }) => {
    const port = new URL(baseURL ?? '').port;
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    });
    await schoolPage(page, `http://sekolah.test:${port}`, withFrame(`http://127.0.0.1:${port}`), []);
    await expect.poll(() => blocked.length, { message: 'refused by the page’s frame-ancestors' }).toBe(1);
    expect(await page.frameLocator('iframe').locator('lapor-form').count()).toBe(0);
  });

  test('the widget on a website the hub does not know says so instead of taking a report in vain', async ({
    page,
    baseURL,
  }) => {
    const port = new URL(baseURL ?? '').port;
    const hub = `http://127.0.0.1:${port}`;
    const problems = collectProblems(page);
    // sekolah.test is this machine under a name no site lists; the element talks to the hub by its other name.
    const form = `<lapor-form hub="${hub}/" institution="smk-smak-makassar"></lapor-form>`;
    await schoolPage(page, `http://sekolah.test:${port}`, form, []);
    const element = page.locator('lapor-form');
    await expect(element.locator('[part=problem]')).toContainText('belum didaftarkan pada hub pengaduan');
    await expect(element.getByRole('link', { name: 'Buat laporan di halaman pengaduan hub' })).toHaveAttribute(
      'href',
      `${hub}/lapor/?institution=smk-smak-makassar`,
    );
    expect(await element.getByLabel('Judul laporan').count()).toBe(0);
    const told = problems.filter((p) => p.includes('npm run hub -- site add'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`--origin http://sekolah.test:${port}`);
    expect(
      problems.filter((p) => /CORS/i.test(p)),
      'the refusal is read, not a CORS failure',
    ).toEqual([]);
  });
});

test.describe('beside the page’s own styles', () => {
  // These pages add styles of their own, as an embedding site does; the hub's demo page allows none inline.
  test.use({ bypassCSP: true });

  test('fits a 320 px wide phone without sideways scrolling, and keeps page styles out', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/demo/');
    await page.addStyleTag({ content: 'input, select, textarea, button { border: 7px dashed red !important; }' });
    await expect(page.locator('lapor-form').getByLabel('Judul laporan')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const border = await page
      .locator('lapor-form')
      .getByLabel('Judul laporan')
      .evaluate((input) => getComputedStyle(input).borderTopWidth);
    expect(border).toBe('1px');
  });

  test('follows a dark colour scheme unless the page sets the colours', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/demo/');
    const title = page.locator('lapor-form').getByLabel('Judul laporan');
    const background = () => title.evaluate((input) => getComputedStyle(input).backgroundColor);
    expect(await background()).toBe('rgb(31, 41, 51)');
    await page.addStyleTag({ content: 'lapor-form { --lapor-color-input: #fffbe6; }' });
    expect(await background()).toBe('rgb(255, 251, 230)');
  });
});
