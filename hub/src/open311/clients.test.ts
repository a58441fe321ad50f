import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runCli } from '../cli';
import { openDatabase } from '../db/client';
import { testClock } from '../testing/test-clock';
import { type TestDatabase, testDatabase } from '../testing/test-database';
import { clientByKey, listOpen311Clients } from './clients';

describe('npm run hub -- open311', () => {
  let dataDir: string;
  let database: TestDatabase;
  let printed: string[];
  const log = console.log;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lapor-open311-'));
    database = await testDatabase(dataDir);
    printed = [];
    console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
  });
  afterEach(async () => {
    console.log = log;
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: database.url });
  const clock = testClock();

  it('issues a key shown once and stored as its hash, lists clients without keys, revokes one', async () => {
    const add = ['open311', 'add', '--name', 'Aplikasi Aduan Kota', '--institution', 'kemenperin'];
    assert.equal(await runCli(add, env(), clock), 0);
    const key = /API key[^:]*: (o311_\S+)/.exec(printed.join('\n'))?.[1];
    assert.ok(key, printed.join('\n'));

    const db = await openDatabase(database.location);
    try {
      const [client] = await listOpen311Clients(db);
      assert.equal(client?.name, 'Aplikasi Aduan Kota');
      assert.equal(client?.institutionId, 'kemenperin');
      assert.ok(client?.keyHash);
      assert.ok(!JSON.stringify(client).includes(key), 'the key itself is not stored');
      assert.equal((await clientByKey(db, key))?.id, client?.id);

      printed = [];
      assert.equal(await runCli(['open311', 'list'], env(), clock), 0);
      assert.match(printed.join('\n'), /Aplikasi Aduan Kota\tkemenperin\tactive/);
      assert.ok(!printed.join('\n').includes(key));

      assert.equal(await runCli(['open311', 'revoke', client?.id ?? ''], env(), clock), 0);
      assert.equal(await clientByKey(db, key), undefined);
      await assert.rejects(runCli(['open311', 'revoke', client?.id ?? ''], env(), clock), /no active Open311 client/);
      await assert.rejects(
        runCli(['open311', 'add', '--name', 'X', '--institution', 'tidak-ada'], env(), clock),
        /no institution/,
      );
      assert.equal(await runCli(['open311', 'add'], env(), clock), 2);
    } finally {
      await db.$close();
    }
  });
});
