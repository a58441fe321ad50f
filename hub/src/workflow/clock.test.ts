import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceleratedClock, realClock } from './clock';

describe('clocks', () => {
  it('run at real speed by default', async () => {
    assert.equal(acceleratedClock(1), realClock);
  });

  it('run a day a minute at 1440 times', async () => {
    const start = Date.now();
    const clock = acceleratedClock(1440, start);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const elapsed = clock().getTime() - start;
    // 100 ms real is 144 s accelerated; allow for timer slack.
    assert.ok(elapsed >= 140_000 && elapsed < 1440 * 1000, `${elapsed} ms`);
  });
});
