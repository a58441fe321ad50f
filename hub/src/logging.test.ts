import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { capturedLogger } from './testing/captured-logger';
import { postJson, sampleReport, testApp } from './testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(async () => hub?.close());

describe('logs', () => {
  it('record each request by route, status and request id, and nothing of the reporter', async () => {
    const { logger, lines } = capturedLogger();
    hub = await testApp({ logger });
    const created = await (await postJson(hub.app, '/api/v1/reports', { ...sampleReport, anonymous: true })).json();
    await hub.app.request(`/api/v1/reports/${created.trackingId}`, {
      headers: { Authorization: `Receipt ${created.receipt}` },
    });
    // What a visitor is still writing, asked about as similar reports: its text is theirs, not the log's.
    const draft = 'Kepala sekolah Budi Santoso meminta uang seragam';
    const similar = await hub.app.request(
      `/api/v1/reports/similar?institution=smk-smak-makassar&q=${encodeURIComponent(draft)}`,
    );
    assert.equal(similar.status, 200);
    const entries = lines.map((line) => JSON.parse(line));
    assert.deepEqual(
      entries.map((e) => [e.method, e.route, e.status]),
      [
        ['POST', '/api/v1/reports', 201],
        ['GET', '/api/v1/reports/:trackingId', 200],
        ['GET', '/api/v1/reports/similar', 200],
      ],
    );
    assert.ok(entries.every((e) => typeof e.reqId === 'string' && e.reqId.length > 8));
    const all = lines.join('\n');
    for (const secret of [
      created.receipt,
      created.trackingId,
      'Andi',
      'andi@example.id',
      '081234567890',
      sampleReport.body,
      'Budi',
      'seragam',
    ]) {
      assert.ok(!all.includes(secret), `the log holds ${secret}`);
    }
  });

  it('record unexpected errors with their request id', async () => {
    const { logger, lines } = capturedLogger();
    hub = await testApp({ logger, logErrors: true });
    await hub.db.$close();
    const res = await postJson(hub.app, '/api/v1/reports', sampleReport);
    assert.equal(res.status, 500);
    const error = lines.map((line) => JSON.parse(line)).find((e) => e.level === 50);
    assert.equal(error?.msg, 'unexpected error');
    assert.ok(error?.reqId);
    assert.equal(res.headers.get('x-request-id'), error?.reqId);
  });
});
