import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type * as z from 'zod';
import { addSite } from '../sites/sites';
import { postJson, sampleReport, testApp } from '../testing/test-app';
import {
  categoryListSchema,
  errorSchema,
  institutionPageSchema,
  institutionSchema,
  regionPageSchema,
  regionWithPathSchema,
  reportCreatedSchema,
  reportViewSchema,
  siteConfigSchema,
} from './schemas';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

async function document() {
  const res = await hub.app.request('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  return res.json();
}

async function conforms(path: string, schema: z.ZodType, init?: RequestInit) {
  const res = await hub.app.request(path, init);
  const body = await res.json();
  const result = schema.safeParse(body);
  assert.ok(result.success, `${path}: ${JSON.stringify(result.error?.issues)}`);
  return body;
}

describe('OpenAPI document', () => {
  it('describes every API route of the app, and nothing else', async () => {
    const doc = await document();
    assert.equal(doc.openapi, '3.1.0');
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = hub.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.startsWith('/api/v1/docs'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    assert.deepEqual([...new Set(served)].sort(), described.sort());
  });

  it('resolves every reference', async () => {
    const doc = await document();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 10);
    for (const name of refs) assert.ok(doc.components.schemas[name ?? ''], `missing ${name}`);
    assert.deepEqual(doc.components.schemas.ReportInput.required.sort(), [
      'body',
      'incidentDate',
      'institutionId',
      'kind',
      'location',
      'title',
    ]);
  });

  it('matches what the hub really answers', async () => {
    const created = reportCreatedSchema.parse(await (await postJson(hub.app, '/api/v1/reports', sampleReport)).json());
    await conforms(`/api/v1/reports/${created.trackingId}`, reportViewSchema);
    await conforms(`/api/v1/reports/${created.trackingId}`, reportViewSchema, {
      headers: { Authorization: `Receipt ${created.receipt}` },
    });
    const form = new FormData();
    form.set('report', JSON.stringify({ ...sampleReport, confidential: true }));
    form.append(
      'attachments',
      new File([readFileSync(new URL('../attachments/fixtures/photo.png', import.meta.url))], 'a.png'),
    );
    const withFile = reportCreatedSchema.parse(
      await (await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).json(),
    );
    const own = await conforms(`/api/v1/reports/${withFile.trackingId}`, reportViewSchema, {
      headers: { Authorization: `Receipt ${withFile.receipt}` },
    });
    assert.equal(own.attachments.length, 1);
    await conforms('/api/v1/institutions?q=kementerian&limit=3', institutionPageSchema);
    await conforms('/api/v1/institutions/kemenperin', institutionSchema);
    await conforms('/api/v1/categories', categoryListSchema);
    await conforms('/api/v1/regions?parent=73', regionPageSchema);
    await conforms('/api/v1/regions/73.71', regionWithPathSchema);
    const site = await addSite(hub.db, {
      name: 'SMK',
      origins: ['https://smk.example.sch.id'],
      institutionId: 'kemenperin',
    });
    await conforms(`/api/v1/sites/${site.key}/config`, siteConfigSchema);
    await conforms('/api/v1/reports/LPR-0000-0000-0', errorSchema);
    await conforms('/api/v1/institutions?limit=0', errorSchema);
  });

  it('has a reference page, served by the hub itself', async () => {
    const page = await hub.app.request('/api/v1/docs/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /swagger-ui-bundle\.js/);
    assert.equal((await hub.app.request('/api/v1/docs/swagger-ui-bundle.js')).status, 200);
    assert.equal((await hub.app.request('/api/v1/docs/package.json')).status, 404);
  });
});
