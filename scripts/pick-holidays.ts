import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { data } from 'date-holidays/data';
import Holidays from 'date-holidays-parser';
import { HUB_DATA } from '../hub/src/paths';
import { publicHolidaysBy } from '../hub/src/workflow/calendar';

/**
 * What the hub needs of the `date-holidays` package, which holds every
 * country's rules (~800 KB) and astronomical code for lunar dates (~10 MB
 * of memory once loaded), to know Indonesia's public holidays in a year
 * without a decree:
 * - `date-holidays-id.json`: Indonesia's rules alone, with the holiday names
 *   they refer to, for `date-holidays-parser` (the package's own engine);
 * - `public-holidays.json`: the public holidays those rules give for each
 *   year of a span, so that a hub within it loads no parser at all.
 * Run after upgrading date-holidays: `node --import tsx scripts/pick-holidays.ts`
 * (the calendar test fails while these files and the package differ).
 */
export const PICKED_RULES = join(HUB_DATA, 'date-holidays-id.json');
export const PUBLIC_HOLIDAYS = join(HUB_DATA, 'public-holidays.json');
/** The years `public-holidays.json` holds. */
export const SPAN = { from: 2020, to: 2060 };

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

/** Each year's public holidays by Indonesia's rules, as the calendar takes them. */
export function publicHolidays(rules = pickIndonesia()) {
  const holidays = new Holidays(rules, 'ID');
  const years: Record<string, { date: string; name: string }[]> = {};
  for (let year = SPAN.from; year <= SPAN.to; year++) {
    years[year] = publicHolidaysBy(holidays, year);
  }
  return { source: `date-holidays ${rules.version}, Indonesia's public holidays`, license: rules.license, years };
}

if (process.argv[1] === import.meta.filename) {
  const rules = pickIndonesia();
  writeFileSync(PICKED_RULES, `${JSON.stringify(rules, null, 1)}\n`);
  writeFileSync(PUBLIC_HOLIDAYS, `${JSON.stringify(publicHolidays(rules), null, 1)}\n`);
  console.log(`wrote ${PICKED_RULES} and ${PUBLIC_HOLIDAYS}`);
}
