import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testClock } from '../testing/test-clock';
import { acceleratedClock, realClock } from './clock';

describe('clocks', () => {
  it('run at real speed by default', async () => {
    assert.equal(acceleratedClock(1), realClock);
  });

  it('run a day a minute at 1440 times', async () => {
    const real = testClock();
    const start = real().getTime();
    const clock = acceleratedClock(1440, start, real);
    real.advance(60_000);
    assert.equal(clock().getTime() - start, 24 * 3_600_000);
  });
});
