import type { Report, ReportEvent } from '../db/schema';
import type { Keyring } from './keyring';

/**
 * A timeline note is sealed at rest when it is a reporter's own words
 * (comments, reopening reasons, rating remarks: they write as freely as in
 * the report itself) or belongs to a confidential report (the institution's
 * responses to it included). Bound to its report like the report's fields.
 */
const context = (trackingId: string) => `report_events.note:${trackingId}`;

type NoteOwner = Pick<Report, 'trackingId' | 'confidential'>;

export function noteIsSealed(report: Pick<Report, 'confidential'>, actor: ReportEvent['actor']): boolean {
  return report.confidential || actor === 'reporter';
}

/** The note as stored. */
export function sealNote(
  keyring: Keyring,
  report: NoteOwner,
  actor: ReportEvent['actor'],
  note: string | null | undefined,
): string | null {
  if (!note) return null;
  return noteIsSealed(report, actor) ? keyring.encrypt(note, context(report.trackingId)) : note;
}

/** The note as written; one stored before notes were sealed is read as it is. */
export function openNote(keyring: Keyring, trackingId: string, note: string | null): string | null {
  return note && keyring.isSealed(note) ? keyring.decrypt(note, context(trackingId)) : note;
}

/** The note sealed with the current key where it should be sealed, or null when it already is as it should be. */
export function resealNote(keyring: Keyring, report: NoteOwner, event: Pick<ReportEvent, 'actor' | 'note'>) {
  if (!event.note || !noteIsSealed(report, event.actor)) return null;
  if (keyring.isSealed(event.note) && !keyring.isStale(event.note)) return null;
  return sealNote(keyring, report, event.actor, openNote(keyring, report.trackingId, event.note));
}
