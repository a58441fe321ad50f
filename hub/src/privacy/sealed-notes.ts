import type { Report, ReportEvent } from '../db/schema';
import type { Keyring } from './keyring';
import { openStored, resealStored } from './sealed-value';

/**
 * Every timeline note is sealed at rest, bound to its report like the
 * report's own fields: reporters write their comments as freely as the
 * report itself, and an institution's response may name the reporter or
 * quote what a confidential report said. The public sees notes only through
 * the view, masked (or, for a confidential report, not at all).
 */
const context = (trackingId: string) => `report_events.note:${trackingId}`;

/** The note as stored. */
export function sealNote(keyring: Keyring, report: Pick<Report, 'trackingId'>, note: string | null | undefined) {
  return note ? keyring.encrypt(note, context(report.trackingId)) : null;
}

/** The note as written; one stored before notes were sealed is read as it is. */
export function openNote(keyring: Keyring, trackingId: string, note: string | null): string | null {
  return note && openStored(keyring, note, context(trackingId));
}

/** The note sealed with the current key, or null when it already is. */
export function resealNote(keyring: Keyring, report: Pick<Report, 'trackingId'>, event: Pick<ReportEvent, 'note'>) {
  return event.note && resealStored(keyring, event.note, context(report.trackingId));
}
