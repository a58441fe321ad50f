/**
 * Indonesia's easternmost zone (WIT, UTC+9) reaches a new day first, so a date
 * that is not yet "today" there is in the future for every Indonesian reporter.
 * Fixed offsets suffice: Indonesia observes no daylight saving time.
 */
const WIT_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in WIT. */
export function latestIndonesianDate(now: Date = new Date()): string {
  return new Date(now.getTime() + WIT_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether an ISO date (YYYY-MM-DD) has not yet begun anywhere in Indonesia. */
export function isFutureDate(isoDate: string, now: Date = new Date()): boolean {
  return isoDate > latestIndonesianDate(now);
}
