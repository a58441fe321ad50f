import type { Clock } from '../workflow/clock';

/** A clock that stands still until a test moves it. */
export interface TestClock extends Clock {
  set(at: string | Date): void;
  advance(ms: number): void;
}

/**
 * Where tests' clocks start unless a test says otherwise: a Monday, 10:00 in
 * Jakarta, in a year whose holidays the shipped decree lists. Tests never read
 * the real date, so they pass on any day CI runs them.
 */
export const TEST_NOW = '2026-11-16T03:00:00Z';

export function testClock(start: string | Date = TEST_NOW): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}
