import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { testApp } from '../testing/test-app';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

describe('GET /api/v1/health', () => {
  it('answers 200 while the database answers, and 503 once it does not', async () => {
    const up = await hub.app.request('/api/v1/health');
    assert.equal(up.status, 200);
    assert.deepEqual(await up.json(), { status: 'ok', database: hub.db.$dialect });
    assert.equal(up.headers.get('cache-control'), 'no-store');
    await hub.db.$close();
    const down = await hub.app.request('/api/v1/health');
    assert.equal(down.status, 503);
    assert.equal((await down.json()).status, 'unavailable');
  });
});
