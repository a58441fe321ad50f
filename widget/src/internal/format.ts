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
