/** The time deadlines are measured against. */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();

/**
 * A clock that runs `speed` times faster than `source` from `start`: with
 * 1440, a day passes every minute, so a demo can watch deadlines come due and
 * unanswered follow-ups close themselves. Event times stay real.
 */
export function acceleratedClock(speed: number, start?: number, source: Clock = realClock): Clock {
  if (speed === 1) return source;
  const from = start ?? source().getTime();
  return () => new Date(from + (source().getTime() - from) * speed);
}
