import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Logger } from 'pino';
import { publishLabelled } from '../testing/published';
import { testApp } from '../testing/test-app';
import { inThisThread } from './similar';
import { FILED, LATER } from './similar-pairs';
import { SIMILAR } from './similar-ranking';
import { SimilarThread } from './similar-thread';

describe('similar reports ranked in a worker thread', () => {
  let hub: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    hub = await testApp({ sqlite: true });
    await publishLabelled(
      hub,
      FILED.filter((_, i) => i % 2 === 0),
    );
  });
  after(() => hub.close());

  const askedOf = () =>
    LATER.map((later) => ({
      query: { institution: later.institution, q: `${later.title}. ${later.body}`, region: later.region },
      family: hub.directory.family(later.institution),
    }));

  it('ranks as the hub thread does, by every open report and by the index alone', async () => {
    const path = hub.db.$sqlite?.name ?? '';
    const thread = new SimilarThread(path, inThisThread(hub.db));
    try {
      const asked = askedOf();
      for (const scan of [SIMILAR.scanned, 0]) {
        const here = await Promise.all(asked.map((a) => inThisThread(hub.db).rank(a.query, a.family, scan)));
        // All asked at once: the thread answers each request by its own id.
        const there = await Promise.all(asked.map((a) => thread.rank(a.query, a.family, scan)));
        assert.ok(here.filter((ranked) => ranked.length > 0).length >= 40, 'most later reports find something');
        assert.deepEqual(there, here);
      }
    } finally {
      await thread.close();
    }
  });

  it('ranks in the hub thread, and says so, when the worker cannot start', async () => {
    const errors: unknown[] = [];
    const logger = { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger;
    const thread = new SimilarThread(`${hub.dir}/no-such-file.sqlite`, inThisThread(hub.db), logger);
    try {
      const [first] = askedOf();
      assert.ok(first);
      const expected = await inThisThread(hub.db).rank(first.query, first.family, SIMILAR.scanned);
      assert.ok(expected.length > 0);
      assert.deepEqual(await thread.rank(first.query, first.family, SIMILAR.scanned), expected);
      assert.ok(errors.length >= 1, 'the failure is logged');
      assert.deepEqual(await thread.rank(first.query, first.family, SIMILAR.scanned), expected, 'and after');
    } finally {
      await thread.close();
    }
  });
});
