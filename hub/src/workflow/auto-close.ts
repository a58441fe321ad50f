import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Directory } from '../directory/directory';
import type { Keyring } from '../privacy/keyring';
import { eventsOf } from '../reports/read';
import type { WorkingCalendar } from './calendar';
import { deadlinesOf, timeZoneOf } from './deadlines';
import { recordTransition } from './transitions';

export const AUTO_CLOSE_NOTE = 'Ditutup otomatis: 10 hari kerja setelah tindak lanjut tanpa tanggapan dari pelapor.';

/**
 * Finishes every report whose follow-up has gone unanswered by the reporter
 * for 10 working days, as SP4N-LAPOR! does. Returns how many it closed.
 */
export async function closeUnansweredFollowUps(
  db: Db,
  keyring: Keyring,
  directory: Directory,
  calendar: WorkingCalendar,
  now: Date,
): Promise<number> {
  const { reports } = db.$tables;
  let closed = 0;
  for (const report of await db.select().from(reports).where(eq(reports.status, 'followed_up'))) {
    const events = await eventsOf(db, report.id);
    const timeZone = timeZoneOf(directory, report.institutionId);
    const { deadline } = deadlinesOf(report, events, calendar, timeZone, now);
    if (deadline?.kind === 'auto_close' && deadline.overdue) {
      await recordTransition(db, keyring, report.id, { to: 'finished', actor: 'hub', note: AUTO_CLOSE_NOTE, at: now });
      closed++;
    }
  }
  return closed;
}
