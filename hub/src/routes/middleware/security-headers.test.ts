import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createNationalDesk } from '../../national-desk/national-desk';
import { optOutToken } from '../../notifications/message';
import { postJson, sampleReport, testApp, testKeyring } from '../../testing/test-app';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PNG = new Uint8Array(readFileSync(new URL('../../attachments/fixtures/photo.png', import.meta.url)));
let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp({
    staticRoots: { widget: `${root}hub/src`, pages: `${root}hub/public`, demo: `${root}demo` },
  });
});
afterEach(async () => hub.close());

/** The headers every answer carries, page or data. */
function assertHardened(res: Response, what: string) {
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
  assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\), microphone=\(\), geolocation=\(\)/, what);
  assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, what);
}

describe('the hub’s pages and answers', () => {
  it('send a strict policy with every page: own scripts only, never framed', async () => {
    const { trackingId } = await (await postJson(hub.app, '/api/v1/reports', sampleReport)).json();
    const token = optOutToken(testKeyring.deriveSecret('opt-out'), trackingId);
    for (const path of ['/lacak/', '/demo/', `/api/v1/notifications/opt-out?report=${trackingId}&token=${token}`]) {
      const res = await hub.app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
      assertHardened(res, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    }
    const docs = await hub.app.request('/api/v1/docs/');
    assert.equal(docs.status, 200);
    assertHardened(docs, 'docs');
    assert.match(docs.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  it('send data that nothing may run or frame, and keep an attachment’s own sandbox', async () => {
    const res = await hub.app.request('/api/v1/institutions');
    assert.equal(res.status, 200);
    assertHardened(res, 'JSON');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);

    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport));
    form.append('attachments', new File([PNG], 'foto.png'));
    const created = await (await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).json();
    const view = await (await hub.app.request(`/api/v1/reports/${created.trackingId}`)).json();
    const file = await hub.app.request(view.attachments[0].url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  });

  it('leave the demo site out when the hub is not in demo mode', async () => {
    const plain = await testApp({ staticRoots: { widget: `${root}hub/src`, pages: `${root}hub/public` } });
    try {
      assert.equal((await plain.app.request('/lacak/')).status, 200);
      assert.equal((await plain.app.request('/demo/')).status, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('the demo national desk', () => {
  it('is a hardened page that refuses a form posted from another site', async () => {
    const desk = createNationalDesk({ token: 'desk-token' });
    const page = await desk.app.request('http://127.0.0.1:9000/');
    assert.equal(page.status, 200);
    assertHardened(page, 'desk');
    const forged = await desk.app.request('http://127.0.0.1:9000/desk/LPR-0000-0000-0', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'status=SELESAI',
    });
    assert.equal(forged.status, 403);
  });
});
