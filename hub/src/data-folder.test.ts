import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { postJson, sampleReport, testApp } from './testing/test-app';

const PNG = new Uint8Array(readFileSync(new URL('./attachments/fixtures/photo.png', import.meta.url)));
let hub: Awaited<ReturnType<typeof testApp>>;
let umask: number;
beforeEach(async () => {
  // A machine's usual umask, which makes files readable by everyone unless the hub says otherwise.
  umask = process.umask(0o022);
  hub = await testApp();
});
afterEach(async () => {
  await hub.close();
  process.umask(umask);
});

describe('the data folder', () => {
  it('is readable by the hub’s user alone: the database, its journal files and the attachments', async () => {
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport));
    form.append('attachments', new File([PNG], 'foto.png'));
    assert.equal((await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).status, 201);
    assert.equal((await postJson(hub.app, '/api/v1/reports', sampleReport)).status, 201);

    // With HUB_TEST_S3, `s3/` is the test's S3 server, standing for a bucket elsewhere: not the hub's folder.
    const bucket = join(hub.dir, 's3');
    const entries = readdirSync(hub.dir, { recursive: true, withFileTypes: true })
      .map((entry) => ({ path: join(entry.parentPath, entry.name), dir: entry.isDirectory() }))
      .filter(({ path }) => !path.startsWith(bucket));
    const files = entries.filter((entry) => !entry.dir).map((entry) => entry.path);
    assert.equal((await hub.attachments.list()).length, 1);
    assert.ok(entries.length >= 1);
    if (hub.db.$sqlite) {
      for (const name of ['hub.sqlite', 'hub.sqlite-wal', 'hub.sqlite-shm'])
        assert.ok(
          files.some((path) => path.endsWith(name)),
          `${name} is there`,
        );
    }
    for (const { path } of entries) {
      const mode = statSync(path).mode & 0o777;
      assert.equal(mode & 0o077, 0, `${path} is ${mode.toString(8)}`);
    }
  });
});
