import type { Report } from '../db/schema';
import type { Keyring } from './keyring';

/** Columns holding personal data: the reporter's always; the content too when the report is confidential. */
const REPORTER_COLUMNS = ['reporterName', 'reporterEmail', 'reporterPhone'] as const;
const CONTENT_COLUMNS = ['title', 'body', 'locationText'] as const;
type SealedColumn = (typeof REPORTER_COLUMNS)[number] | (typeof CONTENT_COLUMNS)[number];
type Sealable = Pick<Report, SealedColumn | 'trackingId' | 'confidential'>;

const columnsOf = (report: Pick<Report, 'confidential'>): readonly SealedColumn[] =>
  report.confidential ? [...REPORTER_COLUMNS, ...CONTENT_COLUMNS] : REPORTER_COLUMNS;

/** The value's place, bound into its ciphertext so it cannot be moved to another row or column. */
const contextOf = (column: SealedColumn, trackingId: string) => `reports.${column}:${trackingId}`;

/** Applies `change` to each sealed column that has a value (of `only`, if given), by its place. */
function mapSealed<T extends Sealable>(
  report: T,
  change: (value: string, context: string) => string,
  only?: readonly SealedColumn[],
): T {
  const result = { ...report };
  for (const column of columnsOf(report)) {
    if (only && !only.includes(column)) continue;
    const value = report[column];
    if (value !== null) result[column] = change(value, contextOf(column, report.trackingId));
  }
  return result;
}

/** The row as stored: personal data encrypted. */
export function sealReport<T extends Sealable>(keyring: Keyring, report: T): T {
  return mapSealed(report, (value, context) => keyring.encrypt(value, context));
}

/**
 * The row as read: personal data decrypted; with `only`, just those columns
 * (a public view needs at most the reporter's name), the rest left sealed.
 */
export function openReport<T extends Sealable>(keyring: Keyring, report: T, only?: readonly SealedColumn[]): T {
  return mapSealed(report, (value, context) => keyring.decrypt(value, context), only);
}

/** Re-encrypts whatever was sealed with an older key; null when nothing needs it. */
export function resealReport<T extends Sealable>(keyring: Keyring, report: T): T | null {
  const stale = columnsOf(report).some((column) => {
    const value = report[column];
    return value !== null && keyring.isStale(value);
  });
  return stale ? sealReport(keyring, openReport(keyring, report)) : null;
}
