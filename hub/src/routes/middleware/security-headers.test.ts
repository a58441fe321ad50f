import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { listen } from '../../listen';
import { createNationalDesk } from '../../national-desk/national-desk';
import { optOutToken } from '../../notifications/message';
import { postJson, sampleReport, testApp, testKeyring } from '../../testing/test-app';
import { API_HEADERS, API_POLICY } from './security-headers';

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

  it('are, for data, what Hono’s secure headers set for the same policy', async () => {
    const hono = await new Hono()
      .use(secureHeaders(API_POLICY))
      .get('/', (c) => c.body(null))
      .request('/');
    const expected = Object.fromEntries(hono.headers);
    assert.ok(expected['content-security-policy'], 'Hono sets a policy');
    const written = Object.fromEntries(Object.entries(API_HEADERS).map(([name, value]) => [name.toLowerCase(), value]));
    assert.deepEqual(written, expected);
  });

  it('carry the same headers over a socket, under a route’s own', async () => {
    const server = await listen(hub.app.fetch);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const res = await fetch(`${base}/api/v1/institutions`);
      assert.equal(res.status, 200);
      for (const [name, value] of Object.entries(API_HEADERS)) assert.equal(res.headers.get(name), value, name);

      const form = new FormData();
      form.set('report', JSON.stringify(sampleReport));
      form.append('attachments', new File([PNG], 'foto.png'));
      const filed = await fetch(`${base}/api/v1/reports`, { method: 'POST', body: form });
      assert.equal(filed.status, 201, await filed.clone().text());
      assert.equal(filed.headers.get('x-content-type-options'), 'nosniff');
      const view = await (await fetch(`${base}/api/v1/reports/${(await filed.json()).trackingId}`)).json();
      const file = await fetch(`${base}${view.attachments[0].url}`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-security-policy'), "default-src 'none'; sandbox", 'the route’s own');
      assert.equal(file.headers.get('referrer-policy'), 'no-referrer', 'the defaults beside it');
      assert.equal((await fetch(`${base}/nowhere`)).headers.get('x-content-type-options'), 'nosniff', 'a 404');
    } finally {
      await server.close();
    }
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
