import { getLocale } from './locale';

const INTL_LOCALE = { id: 'id-ID', en: 'en-GB' } as const;

/** A calendar date (YYYY-MM-DD) written out in the visitor's language, e.g. "Jumat, 28 November 2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(INTL_LOCALE[getLocale() as 'id' | 'en'], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** The day of an instant, in the visitor's own time zone: "Selasa, 1 Desember 2026". */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[getLocale() as 'id' | 'en'], { dateStyle: 'full' }).format(new Date(iso));
}

/** An instant in the visitor's own time zone, with date and time. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[getLocale() as 'id' | 'en'], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A file size for people: "350 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [Math.max(1, Math.round(bytes / 1024)), 'KB'];
  const number = new Intl.NumberFormat(INTL_LOCALE[getLocale() as 'id' | 'en'], { maximumFractionDigits: 1 }).format(
    value,
  );
  return `${number} ${unit}`;
}

const intlLocale = () => INTL_LOCALE[getLocale() as 'id' | 'en'];

/** A count for people: "1.234" in Indonesian, "1,234" in English. */
export const formatNumber = (value: number, fractionDigits = 0): string =>
  new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: fractionDigits }).format(value);

/** A share (0–1) as a whole percentage: "83%". */
export const formatPercent = (share: number): string =>
  new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A month (`YYYY-MM`): "November 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, 1),
  );
}

/** How long ago an instant was, in whole days: "hari ini", "kemarin", "12 hari yang lalu". */
export function formatAge(iso: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000));
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(-days, 'day');
}
