import {
  BODY_MIN_LENGTH,
  INCIDENT_DATE_EARLIEST,
  isCalendarDate,
  LOCATION_MAX_LENGTH,
  LOCATION_MIN_LENGTH,
  type ReportKind,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
  visibleLength,
} from '../../../contract';

/**
 * What an SMS asks, read from its text. People write commands the way SMS
 * 1708 taught them: a keyword first, in any case, then a space, `#` or `:`
 * (`LAPOR#jalan rusak…`, `cek lpr-…`). Anything else answers the hub's last
 * question, or (long enough) is a report on its own: SMS 1708 takes free text.
 */
export type SmsCommand =
  | { type: 'report'; kind: ReportKind; text: string; anonymous: boolean; confidential: boolean }
  | { type: 'check'; trackingId: string }
  | { type: 'cancel' }
  | { type: 'stop'; trackingId: string }
  | { type: 'help' }
  | { type: 'text'; text: string };

const KINDS: Record<string, ReportKind> = {
  LAPOR: 'pengaduan',
  ADUAN: 'pengaduan',
  PENGADUAN: 'pengaduan',
  ASPIRASI: 'aspirasi',
  INFO: 'informasi',
  INFORMASI: 'informasi',
};
const CHECK = new Set(['CEK', 'STATUS']);
const CANCEL = new Set(['BATAL', 'STOP', 'BERHENTI']);
/** With a Tracking ID: no more news of that report by SMS. */
const STOP = new Set(['BERHENTI', 'STOP']);
const HELP = new Set(['BANTUAN', 'HELP', 'MENU', '?']);
/** Words right after a report's keyword that set its options, in any order. */
const OPTIONS = { ANONIM: 'anonymous', RAHASIA: 'confidential' } as const;

const FIRST_WORD = /^\s*([A-Za-z?]+)(?:[\s#:.,]+|$)/;

export function readCommand(message: string): SmsCommand {
  const text = message.trim();
  const first = FIRST_WORD.exec(text);
  const keyword = first?.[1]?.toUpperCase() ?? '';
  let rest = first ? text.slice(first[0].length).trim() : text;
  if (keyword in KINDS) {
    const options = { anonymous: false, confidential: false };
    for (let word = FIRST_WORD.exec(rest); word; word = FIRST_WORD.exec(rest)) {
      const option = OPTIONS[word[1]?.toUpperCase() as keyof typeof OPTIONS];
      if (!option) break;
      options[option] = true;
      rest = rest.slice(word[0].length).trim();
    }
    return { type: 'report', kind: KINDS[keyword] as ReportKind, text: rest, ...options };
  }
  if (CHECK.has(keyword)) return { type: 'check', trackingId: rest.split(/\s+/)[0]?.toUpperCase() ?? '' };
  if (CANCEL.has(keyword) && !rest) return { type: 'cancel' };
  if (STOP.has(keyword) && /^lpr/i.test(rest))
    return { type: 'stop', trackingId: rest.split(/\s+/)[0]?.toUpperCase() ?? '' };
  if (HELP.has(keyword) && !rest) return { type: 'help' };
  return { type: 'text', text };
}

/** Whether a text is long enough to be a report's chronology. */
export const isLongEnough = (text: string) => visibleLength(text) >= BODY_MIN_LENGTH;

/** Whether a text names a place as the form would take it. */
export const isPlace = (text: string) =>
  visibleLength(text) >= LOCATION_MIN_LENGTH && text.trim().length <= LOCATION_MAX_LENGTH;

/**
 * A title from the chronology, as a reporter would have typed it: its first
 * sentence, cut at a word to fit; a first sentence too short to be a title
 * takes the words after it too.
 */
export function titleOf(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(words)?.[0] ?? words;
  const chosen = visibleLength(sentence) >= TITLE_MIN_LENGTH ? sentence.replace(/[.!?]$/, '') : words;
  if (chosen.length <= TITLE_MAX_LENGTH) return chosen;
  const cut = chosen.slice(0, TITLE_MAX_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > TITLE_MIN_LENGTH ? cut.lastIndexOf(' ') : cut.length)}…`;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  apr: 4,
  april: 4,
  mei: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agus: 8,
  agustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
};

/**
 * The incident date an SMS gives, as a calendar date, or undefined when it
 * gives none the hub can read. `today` is the date where the institution
 * is. People write `HARI INI`, `KEMARIN`, `28-11-2026`, `28/11`, `28 Nov
 * 2026`; a date without its year is the last such date up to today.
 */
export function readIncidentDate(message: string, today: string): string | undefined {
  const text = message.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(hari ini|sekarang|tadi)\b/.test(text)) return today;
  if (/^kemarin\b/.test(text)) return shiftDays(today, -1);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return dateOf(Number(iso[1]), Number(iso[2]), Number(iso[3]), today);
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  const named = /^(\d{1,2}) ([a-z]+)(?: (\d{2}|\d{4}))?$/.exec(text);
  const parts = numeric
    ? { day: numeric[1], month: Number(numeric[2]), year: numeric[3] }
    : named && MONTHS[named[2] ?? '']
      ? { day: named[1], month: MONTHS[named[2] ?? ''] as number, year: named[3] }
      : undefined;
  if (!parts) return undefined;
  const day = Number(parts.day);
  if (parts.year) {
    const year = parts.year.length === 2 ? 2000 + Number(parts.year) : Number(parts.year);
    return dateOf(year, parts.month, day, today);
  }
  const thisYear = Number(today.slice(0, 4));
  const date = dateOf(thisYear, parts.month, day, today);
  return date && date <= today ? date : dateOf(thisYear - 1, parts.month, day, today);
}

function dateOf(year: number, month: number, day: number, today: string): string | undefined {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) && date <= today && date >= INCIDENT_DATE_EARLIEST ? date : undefined;
}

function shiftDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
