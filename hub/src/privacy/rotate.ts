import { eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { reports } from '../db/schema';
import type { Keyring } from './keyring';
import { resealReport } from './sealed-report';

const BATCH = 500;

/**
 * Re-encrypts every report sealed with an older key, a batch per
 * transaction so the hub keeps serving meanwhile. Returns how many changed.
 */
export function resealAll(db: Db, keyring: Keyring): number {
  let changed = 0;
  for (let after = 0; ; ) {
    const batch = db.select().from(reports).where(gt(reports.id, after)).orderBy(reports.id).limit(BATCH).all();
    if (!batch.length) return changed;
    db.transaction((tx) => {
      for (const report of batch) {
        const resealed = resealReport(keyring, report);
        if (!resealed) continue;
        const { title, body, locationText, reporterName, reporterEmail, reporterPhone } = resealed;
        tx.update(reports)
          .set({ title, body, locationText, reporterName, reporterEmail, reporterPhone })
          .where(eq(reports.id, report.id))
          .run();
        changed++;
      }
    });
    after = batch[batch.length - 1]?.id ?? after;
  }
}
