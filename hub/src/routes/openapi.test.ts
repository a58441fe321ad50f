import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type * as z from 'zod';
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
} from '../../../contract/responses';
import { addSite } from '../sites/sites';
import { postJson, sampleReport, testApp } from '../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

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
  it('is generated from the routes: every route of the app, each with its parameters and schemas', async () => {
    const doc = await document();
    assert.equal(doc.openapi, '3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation })),
    );
    const served = hub.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.startsWith('/api/v1/docs'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    assert.ok(served.length >= 20, `only ${served.length} routes served`);
    assert.deepEqual([...new Set(served)].sort(), operations.map((o) => o.key).sort());

    for (const { key, path, operation } of operations) {
      assert.ok(operation.operationId, `${key} has no operationId`);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(declared.sort(), inPath.sort(), `${key}: path parameters`);
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      assert.ok(success.length, `${key} declares no success`);
      for (const [status, response] of Object.entries(operation.responses)) {
        const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
        assert.ok(schemas.length && schemas.every(Boolean), `${key} ${status} has no schema`);
        if (!status.startsWith('2') && status !== '503') {
          assert.deepEqual(schemas, [{ $ref: '#/components/schemas/Error' }], `${key} ${status}`);
        }
      }
      if (operation.requestBody) {
        const bodies = Object.values(operation.requestBody.content).map((c) => c.schema);
        assert.ok(bodies.length && bodies.every(Boolean), `${key}: request body without a schema`);
      }
    }
    const bodies = operations.filter((o) => o.operation.requestBody).map((o) => o.operation.operationId);
    assert.deepEqual(bodies.sort(), [
      'addComment',
      'castVote',
      'createPoll',
      'editPoll',
      'fileReport',
      'followReport',
      'markDuplicate',
      'rateFollowUp',
      'receiveDestinationEvent',
      'reopenReport',
    ]);
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
