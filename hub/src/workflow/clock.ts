/** The time deadlines are measured against. */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();

/**
 * A clock that runs `speed` times faster than real time from `start`: with
 * 1440, a day passes every minute, so a demo can watch deadlines come due and
 * unanswered follow-ups close themselves. Event times stay real.
 */
export function acceleratedClock(speed: number, start = Date.now()): Clock {
  if (speed === 1) return realClock;
  return () => new Date(start + (Date.now() - start) * speed);
}
