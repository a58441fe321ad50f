import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { data } from 'date-holidays/data';
import { HUB_DATA } from '../hub/src/paths';

/**
 * Indonesia's rules from the `date-holidays` data (every country's, ~800 KB
 * that the hub would otherwise hold in memory), with the shared holiday names
 * they refer to, for `date-holidays-parser` in hub/src/workflow/calendar.ts.
 * Run after upgrading date-holidays: `node --import tsx scripts/pick-holidays.ts`
 * (the calendar test fails while the file and the package differ).
 */
export const PICKED_HOLIDAYS = join(HUB_DATA, 'date-holidays-id.json');

interface HolidayData {
  version: string;
  license: string;
  holidays: Record<string, unknown>;
  names: Record<string, unknown>;
}

export function pickIndonesia(): HolidayData {
  const all = data as HolidayData;
  const indonesia = all.holidays.ID;
  const used = new Set([...JSON.stringify(indonesia).matchAll(/"_name":"([^"]+)"/g)].map((m) => m[1] ?? ''));
  const names = Object.fromEntries(Object.entries(all.names).filter(([key]) => used.has(key)));
  return { version: all.version, license: all.license, holidays: { ID: indonesia }, names };
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(PICKED_HOLIDAYS, `${JSON.stringify(pickIndonesia(), null, 1)}\n`);
  console.log(`wrote ${PICKED_HOLIDAYS}`);
}
