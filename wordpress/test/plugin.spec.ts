import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { confirmChecklist, fillReport } from '../../e2e/report-form';

const wp = process.env.WP_URL ?? '';
const password = process.env.WP_PASSWORD ?? '';
const hub = process.env.WP_HUB_URL ?? '';
const zip = new URL('../../dist/lapor-embed-wordpress.zip', import.meta.url).pathname;

/** The hub's operator registers the WordPress site, as the README says; the site key it prints. */
function registerSite(): string {
  const out = execFileSync(
    'node',
    [
      'dist/hub/cli.js',
      'site',
      'add',
      '--name',
      'Sekolah Contoh (WordPress)',
      '--origin',
      wp,
      '--institution',
      'smk-smak-makassar',
      '--category',
      'pendidikan-kebudayaan',
    ],
    {
      cwd: new URL('../../', import.meta.url).pathname,
      env: { ...process.env, DATA_DIR: process.env.WP_HUB_DATA_DIR },
    },
  ).toString();
  const key = /site_[A-Za-z0-9_-]+/.exec(out)?.[0];
  expect(key, out).toBeTruthy();
  return key ?? '';
}

async function logIn(page: Page, user: 'admin' | 'author') {
  await page.goto(`${wp}/wp-login.php`);
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await expect(page.locator('#wpadminbar')).toBeVisible();
}

/** Saves a post as the logged-in user, through the REST API the block editor saves with; its stored content and link. */
async function publish(page: Page, title: string, content: string) {
  await page.goto(`${wp}/wp-admin/post-new.php`);
  await page.waitForFunction(() => typeof (window as { wp?: { apiFetch?: unknown } }).wp?.apiFetch === 'function');
  return page.evaluate(
    async ({ title, content }) => {
      const { apiFetch } = (window as unknown as { wp: { apiFetch: (o: object) => Promise<unknown> } }).wp;
      const post = (await apiFetch({
        path: '/wp/v2/posts?context=edit',
        method: 'POST',
        data: { title, content, status: 'publish' },
      })) as { link: string; content: { raw: string } };
      return { link: post.link, stored: post.content.raw };
    },
    { title, content },
  );
}

test('an author without unfiltered_html places the form with the plugin, and a visitor files through it', async ({
  browser,
}) => {
  expect(wp, 'run under scripts/with-wordpress.sh').toMatch(/^http:\/\/wp\.lapor\.test:\d+$/);
  const siteKey = registerSite();

  // The administrator installs the plugin from its zip, activates it and sets the hub and the site key.
  const admin = await browser.newPage();
  await logIn(admin, 'admin');
  await admin.goto(`${wp}/wp-admin/plugin-install.php?tab=upload`);
  await admin.locator('#pluginzip').setInputFiles(zip);
  await admin.locator('#install-plugin-submit').click();
  await admin.getByRole('link', { name: 'Activate Plugin' }).click();
  await expect(admin.locator('#message, .notice-success').first()).toContainText('activated');

  await admin.goto(`${wp}/wp-admin/options-general.php?page=lapor-embed`);
  await admin.getByLabel('Hub address').fill('ftp://lapor.example.go.id/'); // a URL, but not one a page can load a module from
  await admin.getByRole('button', { name: 'Save Changes' }).click();
  await expect(admin.locator('.notice-error, .error').first()).toContainText('must start with https://');
  await admin.getByLabel('Hub address').fill(hub);
  await admin.getByLabel('Site key').fill(siteKey);
  await expect(admin.getByLabel('Language of the form')).toHaveValue('id');
  await admin.getByRole('button', { name: 'Save Changes' }).click();
  await expect(admin.locator('.notice-success, .updated').first()).toContainText('Settings saved');
  await admin.close();

  // An author, who may not post unfiltered HTML: the pasted snippet is stripped, the shortcode and blocks stay.
  const author = await browser.newPage();
  await logIn(author, 'author');
  const snippet = `<script type="module" src="${hub}widget/lapor-form.js"></script><lapor-form site="${siteKey}"></lapor-form>`;
  const pasted = await publish(author, 'Snippet', `<p>Laporkan di sini:</p>${snippet}`);
  expect(pasted.stored).toContain('Laporkan di sini:');
  expect(pasted.stored).not.toContain('<lapor-form');
  expect(pasted.stored).not.toContain('<script');
  const trackerPage = `${wp}/lacak/?dari=formulir&bahasa=id`;
  const withShortcode = await publish(
    author,
    'Pengaduan',
    `<p>Sampaikan laporan Anda.</p>\n[lapor_form tracker_url="${trackerPage}"]`,
  );
  expect(withShortcode.stored).toContain('[lapor_form ');
  const withBlocks = await publish(
    author,
    'Pengaduan dan pelacakan',
    '<!-- wp:lapor-embed/form {"kind":"aspirasi"} /-->\n<!-- wp:lapor-embed/tracker /-->',
  );
  const inEnglish = await publish(author, 'Complaints', '[lapor_form lang="en"]');
  await author.close();

  // A visitor, on a site that says lang="en-US", gets the Indonesian form and files a report.
  const visitor = await browser.newPage();
  await visitor.goto(withShortcode.link);
  expect(await visitor.locator('html').getAttribute('lang')).toBe('en-US');
  expect(await visitor.locator('lapor-form').getAttribute('tracker-url')).toBe(trackerPage);
  const scripts = await visitor
    .locator('script[type=module][src*="/widget/"]')
    .evaluateAll((all) => all.map((s) => s.getAttribute('src')));
  expect(scripts).toEqual([`${hub}widget/lapor-form.js`]);
  // WordPress's own inline scripts are there; none of ours is (a minifier or combiner could break it).
  const inline = await visitor.locator('script:not([src])').evaluateAll((all) => all.map((s) => s.textContent ?? ''));
  expect(inline.length).toBeGreaterThan(0);
  for (const text of inline) expect(text).not.toMatch(/lapor-(form|tracker|embed)|127\.0\.0\.1/);
  const form = await fillReport(visitor, {
    title: 'Pungutan liar saat daftar ulang',
    body: 'Saat daftar ulang, wali murid diminta membayar Rp250.000 tanpa kuitansi resmi.',
    incidentDate: '2026-11-10',
    location: 'Ruang Tata Usaha, SMK SMAK Makassar',
  });
  await confirmChecklist(visitor);
  await form.getByRole('button', { name: 'Kirim laporan' }).click();
  const trackingId = (await form.locator('[part=tracking-id]').textContent({ timeout: 30_000 })) ?? '';
  expect(trackingId).toMatch(/^LPR-/);

  // The report is on the hub, addressed to the site's institution.
  const onHub = await visitor.request.get(`${hub}api/v1/reports/${trackingId}`);
  expect(onHub.status()).toBe(200);
  expect((await onHub.json()).institution.id).toBe('smk-smak-makassar');

  // The blocks: both elements on one page, one script for both, the form preset as the block says.
  await visitor.goto(withBlocks.link);
  await expect(visitor.locator('lapor-tracker').getByLabel('Tracking ID')).toBeVisible();
  await expect(visitor.locator('lapor-form').getByLabel('Aspirasi')).toBeChecked();
  const both = await visitor
    .locator('script[type=module][src*="/widget/"]')
    .evaluateAll((all) => all.map((s) => s.getAttribute('src')));
  expect(both).toEqual([`${hub}widget/lapor.js`]);

  // A form in English: the English bundle, its texts compiled in.
  await visitor.goto(inEnglish.link);
  await expect(visitor.locator('lapor-form').getByLabel('Report title')).toBeVisible();
  const english = await visitor
    .locator('script[type=module][src*="/widget/"]')
    .evaluateAll((all) => all.map((s) => s.getAttribute('src')));
  expect(english).toEqual([`${hub}widget/lapor-form.en.js`]);
});
