import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addSite } from '../sites/sites';
import { testApp } from '../testing/test-app';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SCHOOL = 'https://smksmak.example.sch.id';
let hub: Awaited<ReturnType<typeof testApp>>;
let siteKey: string;
beforeEach(async () => {
  hub = await testApp({ staticRoots: { widget: `${root}hub/src`, pages: `${root}hub/public` } });
  siteKey = (
    await addSite(hub.db, {
      name: 'SMK SMAK Makassar',
      origins: [SCHOOL, 'http://localhost:8080'],
      institutionId: 'smk-smak-makassar',
      categoryId: 'pendidikan-kebudayaan',
    })
  ).key;
});
afterEach(async () => hub.close());

const page = async (query: string) => {
  const res = await hub.app.request(`/lapor/${query}`);
  return { res, text: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
};

describe('the hub’s form page, /lapor/', () => {
  it('shows the form preset by site key, framable by that site’s pages alone', async () => {
    const { res, text, csp } = await page(`?site=${siteKey}`);
    assert.equal(res.status, 200);
    assert.match(text, new RegExp(`<lapor-form\\s+site="${siteKey}"\\s+tracker-url="/lacak/"\\s*></lapor-form>`));
    assert.match(text, /<title>Buat laporan · SMK SMAK Makassar<\/title>/);
    assert.match(
      text,
      /<html lang="id" data-frame-origins="https:\/\/smksmak.example.sch.id http:\/\/localhost:8080">/,
    );
    assert.match(text, /<script type="module" src="\/widget\/lapor-form.js"><\/script>/);
    assert.match(csp, /frame-ancestors https:\/\/smksmak.example.sch.id http:\/\/localhost:8080/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(
      res.headers.get('x-frame-options'),
      null,
      'frame-ancestors, not X-Frame-Options, says who may frame it',
    );
  });

  it('takes an institution and category from the directory, and never a text of its own making', async () => {
    const { text, csp } = await page('?institution=kemenkes&category=kesehatan&lang=en');
    assert.match(text, /<lapor-form\s+institution="kemenkes"\s+category="kesehatan"/);
    assert.match(text, /<html lang="en"/);
    assert.match(text, /File a report/);
    assert.match(
      text,
      /<script type="module" src="\/widget\/lapor-form.en.js"><\/script>/,
      'English texts compiled in',
    );
    assert.match(csp, /frame-ancestors 'none'/, 'without a site, linked to but not framed');

    const forged = await page(`?institution=${encodeURIComponent('"><script>alert(1)</script>')}&lang=xx`);
    assert.equal(forged.res.status, 200, 'the visitor can still report');
    assert.match(forged.text, /<lapor-form\s+tracker-url="\/lacak\/"\s*><\/lapor-form>/);
    assert.doesNotMatch(forged.text, /alert/);
    assert.match(forged.text, /<html lang="id"/);
  });

  it('says plainly when a link names a site the hub does not know', async () => {
    const { res, text, csp } = await page('?site=site_unknown');
    assert.equal(res.status, 404);
    assert.match(text, /tidak dikenal oleh hub pengaduan/);
    assert.match(text, /<a href="https:\/\/www.lapor.go.id\/">lapor.go.id<\/a>/);
    assert.doesNotMatch(text, /<lapor-form/);
    assert.match(csp, /frame-ancestors 'none'/);
  });

  it('serves its stylesheet and the script that tells an embedding page its height', async () => {
    for (const file of ['lapor.css', 'frame.js']) {
      const res = await hub.app.request(`/lapor/${file}`);
      assert.equal(res.status, 200, file);
    }
    assert.equal((await hub.app.request('/lapor')).headers.get('location'), '/lapor/');
  });
});
