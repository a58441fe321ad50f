import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, gt } from 'drizzle-orm';
import type { AttachmentStore } from '../attachments/store';
import type { Db } from '../db/client';
import type { Attachment } from '../db/schema';
import { attachmentContext } from '../reports/create';
import { eventsOf } from '../reports/read';
import { resealFileName } from './file-names';
import type { Keyring } from './keyring';
import { resealNote } from './sealed-notes';
import { resealReport } from './sealed-report';

const BATCH = 500;

/**
 * Re-encrypts every report sealed with an older key, and its timeline notes
 * (sealing those stored before notes were), a batch per transaction so the
 * hub keeps serving meanwhile. Returns how many reports changed.
 */
export async function resealAll(db: Db, keyring: Keyring): Promise<number> {
  const { reportEvents, reports } = db.$tables;
  let changed = 0;
  for (let after = 0; ; ) {
    const batch = await db.select().from(reports).where(gt(reports.id, after)).orderBy(reports.id).limit(BATCH);
    if (!batch.length) return changed;
    await db.transaction(async (tx) => {
      for (const report of batch) {
        for (const event of await eventsOf(tx, report.id)) {
          const note = resealNote(keyring, report, event);
          if (note) await tx.update(reportEvents).set({ note }).where(eq(reportEvents.id, event.id));
        }
        const resealed = resealReport(keyring, report);
        if (!resealed) continue;
        const { title, body, locationText, reporterName, reporterEmail, reporterPhone } = resealed;
        await tx
          .update(reports)
          .set({ title, body, locationText, reporterName, reporterEmail, reporterPhone })
          .where(eq(reports.id, report.id));
        changed++;
      }
    });
    after = batch[batch.length - 1]?.id ?? after;
  }
}

/**
 * Re-encrypts the files of confidential reports that were sealed with an
 * older key: decrypted, sealed anew, written beside the store and renamed
 * over the old file, then the new envelope recorded. Seals file names too,
 * those stored before names were sealed included. Returns how many changed.
 */
export async function resealAttachments(db: Db, store: AttachmentStore, keyring: Keyring): Promise<number> {
  const { attachments } = db.$tables;
  let changed = 0;
  await mkdir(store.staging, { recursive: true, mode: 0o700 });
  for (const attachment of await db.select().from(attachments)) {
    const fileName = resealFileName(keyring, attachment);
    const stale = attachment.envelope && keyring.isStale(attachment.envelope) ? attachment.envelope : null;
    const envelope = stale && (await resealFile(attachment, stale));
    if (!fileName && !envelope) continue;
    await db
      .update(attachments)
      .set({ ...(fileName && { fileName }), ...(envelope && { envelope }) })
      .where(eq(attachments.id, attachment.id));
    changed++;
  }
  return changed;

  async function resealFile(attachment: Attachment, envelope: string): Promise<string> {
    const stream = await store.read(attachment.storageKey);
    if (!stream) throw new Error(`attachment ${attachment.publicId} is missing from the store`);
    const context = attachmentContext(attachment.publicId);
    const plain = keyring.decryptBytes(Buffer.concat(await stream.toArray()), envelope, context);
    const { sealed: resealed, envelope: renewed } = keyring.encryptBytes(plain, context);
    const staged = join(store.staging, `${randomBytes(16).toString('hex')}.rotate`);
    await writeFile(staged, resealed, { mode: 0o600 });
    await store.putFile(attachment.storageKey, staged);
    return renewed;
  }
}
