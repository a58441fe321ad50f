import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Report } from '../db/schema';
import { DomainError } from '../errors';
import type { Keyring } from '../privacy/keyring';
import { findReport } from '../reports/views';
import { optOutTokenMatches } from './message';

/** The report an opt-out link names, if its token is the one the hub signed for it. */
export async function optOutTarget(db: Db, keyring: Keyring, trackingId: string, token: string): Promise<Report> {
  const report = await findReport(db, trackingId);
  if (!report || !optOutTokenMatches(keyring.deriveSecrets('opt-out'), trackingId, token)) {
    throw new DomainError('not_found', 'This opt-out link is not valid');
  }
  return report;
}

/** Stops the emails about one report; its workflow goes on. */
export async function optOut(db: Db, keyring: Keyring, trackingId: string, token: string): Promise<Report> {
  const { reports } = db.$tables;
  const report = await optOutTarget(db, keyring, trackingId, token);
  await db.update(reports).set({ notify: false }).where(eq(reports.id, report.id));
  return report;
}
