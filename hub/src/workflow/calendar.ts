import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Holidays from 'date-holidays-parser';
import * as z from 'zod';
import { HUB_DATA } from '../paths';

/**
 * Indonesian working days, for SP4N-LAPOR!'s deadlines (3, 5, 60 and 10
 * working days). Not working days: Saturdays, Sundays, national holidays
 * and joint leave (cuti bersama). For a year that a decree file lists (the
 * SKB of the Ministers of Religious Affairs, Manpower and PANRB), the decree
 * is the authority; for other years, the `date-holidays` package's public
 * holidays for Indonesia, which know no joint leave and can be a day off for
 * lunar dates: computed ahead for 2020–2060 (scripts/pick-holidays.ts), and
 * beyond by its rules, run by `date-holidays-parser`, loaded only then.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The day `days` working days after `date` (which itself does not count). */
  addWorkingDays(date: string, days: number): string;
  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number;
  /** Why a day is not a working day, if it is a holiday or joint leave. */
  dayOff(date: string): string | undefined;
}

const day = z.object({ date: z.iso.date(), name: z.string().min(1) });
const decreeFile = z.record(
  z.string().regex(/^\d{4}$/),
  z.object({ decree: z.string().min(1), holidays: z.array(day), jointLeave: z.array(day) }),
);
export type DecreeFile = z.infer<typeof decreeFile>;

const BUILTIN = join(HUB_DATA, 'holidays.json');
/** date-holidays' rules for Indonesia alone (scripts/pick-holidays.ts): the whole package holds every country's. */
const RULES = join(HUB_DATA, 'date-holidays-id.json');
/** The public holidays those rules give for each year of a span, so that a hub within it loads no parser. */
const PUBLIC_HOLIDAYS = join(HUB_DATA, 'public-holidays.json');
const publicHolidaysFile = z.object({
  source: z.string(),
  license: z.string(),
  years: z.record(z.string().regex(/^\d{4}$/), z.array(day)),
});

/** A year's public holidays by date-holidays' rules, as the calendar takes them (scripts/pick-holidays.ts computes ahead with it). */
export function publicHolidaysBy(rules: Holidays, year: number): { date: string; name: string }[] {
  return (rules.getHolidays(year, 'id') || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

/** Public holidays for a year outside the computed span: the parser is loaded then, once. */
let parser: Holidays | undefined;
function publicHolidaysBeyond(year: number) {
  if (!parser) {
    const { default: Parser } = createRequire(import.meta.url)('date-holidays-parser') as {
      default: typeof Holidays;
    };
    parser = new Parser(JSON.parse(readFileSync(RULES, 'utf8')), 'ID');
  }
  return publicHolidaysBy(parser, year);
}

/** Reads the shipped decrees, then the operator's file (same shape), whose years replace the shipped ones. */
export function loadDecrees(operatorFile?: string): DecreeFile {
  const shipped = decreeFile.parse(JSON.parse(readFileSync(BUILTIN, 'utf8')));
  if (!operatorFile || !existsSync(operatorFile)) return shipped;
  return { ...shipped, ...decreeFile.parse(JSON.parse(readFileSync(operatorFile, 'utf8'))) };
}

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A bounded memo: answers by key, forgotten all at once when there are too many to keep. */
function memo<T>(limit = 20_000) {
  const kept = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= limit) kept.clear();
      value = compute();
      kept.set(key, value);
    }
    return value;
  };
}

export function createCalendar(
  decrees: DecreeFile,
  computed = publicHolidaysFile.parse(JSON.parse(readFileSync(PUBLIC_HOLIDAYS, 'utf8'))).years,
): WorkingCalendar {
  const offByYear = new Map<number, Map<string, string>>();
  const daysOff = (year: number) => {
    let off = offByYear.get(year);
    if (!off) {
      const decree = decrees[String(year)];
      const days = decree
        ? [...decree.holidays, ...decree.jointLeave]
        : (computed[String(year)] ?? publicHolidaysBeyond(year));
      off = new Map(days.map((d) => [d.date, d.name]));
      offByYear.set(year, off);
    }
    return off;
  };
  const dayOff = (date: string) => daysOff(Number(date.slice(0, 4))).get(date);
  const isWorkingDay = (date: string) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && dayOff(date) === undefined;
  };
  // Every report view counts its deadlines day by day; the same few hundred dates recur, so answers are kept.
  const remember = memo<number>();
  const rememberDate = memo<string>();
  return {
    isWorkingDay,
    dayOff,
    addWorkingDays: (date, days) =>
      rememberDate(`${date}+${days}`, () => {
        let current = date;
        for (let counted = 0; counted < days; ) {
          current = shift(current, 1);
          if (isWorkingDay(current)) counted++;
        }
        return current;
      }),
    workingDaysBetween: (from, to) =>
      remember(`${from}..${to}`, () => {
        const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
        let count = 0;
        for (let current = shift(start, 1); current <= end; current = shift(current, 1)) {
          if (isWorkingDay(current)) count++;
        }
        return sign * count;
      }),
  };
}

/** The calendar date of an instant in an Indonesian time zone (WIB, WITA or WIT). */
export function localDate(instant: Date, timeZone: string): string {
  let zone = zones.get(timeZone);
  if (!zone) {
    // Building a formatter costs far more than using one; there are three zones.
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zone = { format, minute: Number.NaN, date: '' };
    zones.set(timeZone, zone);
  }
  // Every zone's midnight falls on a whole minute, so one minute has one date: formatting once a minute
  // rather than on every lookup (a formatter call was ~1 % of one) gives the same answer.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (zone.minute !== minute) {
    zone.date = zone.format.format(instant);
    zone.minute = minute;
  }
  return zone.date;
}
const zones = new Map<string, { format: Intl.DateTimeFormat; minute: number; date: string }>();
