import { readFile, writeFile } from 'node:fs/promises';
import { getTableColumns, sql } from 'drizzle-orm';
import {
  encodeTrackingId,
  type ReportChannel,
  type ReportCreated,
  TRACKING_ID_RANDOM_BYTES,
  type ValidReport,
} from '../../../contract';
import type { InspectedFile } from '../attachments/inspect';
import type { AttachmentStore } from '../attachments/store';
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { GroupCommit } from '../db/group-commit';
import { placeholdersFor, prepared } from '../db/prepared';
import { NEVER_DERIVED } from '../monitor/projector';
import { sealFileName } from '../privacy/file-names';
import type { Keyring } from '../privacy/keyring';
import { randomBytes } from '../privacy/random';
import { sealReport } from '../privacy/sealed-report';
import { hashReceipt, newReceipt } from './receipt';

/** Every column of a new report, as a placeholder of its own name. */
const insertReport = prepared('insert_report', (db) => {
  const { reports } = db.$tables;
  const { id: _generated, ...columns } = getTableColumns(reports);
  const values = placeholdersFor<typeof reports.$inferInsert>(
    Object.keys(columns) as (keyof typeof reports.$inferInsert & string)[],
  );
  return db
    .insert(reports)
    .values(values as unknown as typeof reports.$inferInsert)
    .returning({ id: reports.id });
});
const insertReceivedEvent = prepared('insert_received_event', (db) => {
  const { reportEvents } = db.$tables;
  return db.insert(reportEvents).values({
    reportId: sql.placeholder('reportId'),
    at: sql.placeholder('at'),
    type: 'status',
    actor: 'hub',
    status: 'received',
  });
});

/** The report's monitor row, left for the projector to derive (monitor/projector.ts). */
const insertMonitorRow = prepared('insert_monitor_row', (db) => {
  const { monitorReports } = db.$tables;
  return db.insert(monitorReports).values({
    reportId: sql.placeholder('reportId'),
    trackingId: sql.placeholder('trackingId'),
    kind: sql.placeholder('kind'),
    status: 'received',
    holder: sql.placeholder('institutionId'),
    receivedAt: sql.placeholder('createdAt'),
    changedAt: sql.placeholder('createdAt'),
    month: NEVER_DERIVED,
    timeZone: '',
  });
});

/** Collisions of 40 random bits are rare but certain at scale: draw again. */
const MAX_TRACKING_ID_ATTEMPTS = 8;

/** A report as posted: JSON alone, or multipart with the JSON in `report` and files in `attachments`. */
export interface Submission {
  input: ValidReport;
  files: InspectedFile[];
  /** Removes received files that were not taken into the store. */
  discard(): Promise<void>;
}

/** Work that must commit or roll back together with the new report. */
export type WithinReportTransaction = (tx: Tx, reportId: number, answer: ReportCreated) => Promise<void>;

/** Where a report goes: the database, the attachment store, and the keys that seal personal data. */
export interface ReportStorage {
  db: Db;
  attachments: AttachmentStore;
  keyring: Keyring;
  /** Commits reports filed close together in one transaction; without it each report commits alone. */
  commits?: GroupCommit;
}

export interface CreateOptions {
  now?: Date;
  /** The embedding site the report came through. */
  siteKey?: string;
  /** How it came, when not through the form: the channel, and the client or gateway by name. */
  channel?: Channel;
  within?: WithinReportTransaction;
}

export interface Channel {
  name: ReportChannel;
  source?: string;
}

/**
 * Stores a validated report and its first timeline event in one transaction,
 * so an acknowledged report is always complete.
 */
export async function createReport(
  { db, keyring, commits }: Pick<ReportStorage, 'db' | 'keyring' | 'commits'>,
  input: ValidReport,
  { now = new Date(), siteKey, channel, within }: CreateOptions = {},
): Promise<ReportCreated> {
  const receipt = newReceipt();
  const row = {
    receiptHash: hashReceipt(receipt),
    kind: input.kind,
    title: input.title,
    body: input.body,
    incidentDate: input.incidentDate,
    locationText: input.location.text,
    regionCode: input.location.regionCode ?? null,
    institutionId: input.institutionId,
    categoryId: input.categoryId ?? null,
    siteKey: siteKey ?? null,
    channel: channel?.name ?? 'form',
    channelSource: channel?.source ?? null,
    anonymous: input.anonymous,
    confidential: input.confidential,
    reporterName: input.reporter?.name ?? null,
    reporterEmail: input.reporter?.email ?? null,
    reporterPhone: input.reporter?.phone ?? null,
    status: 'received' as const,
    locale: input.locale ?? 'id',
    // A reporter who leaves an email hears of the report's progress until they turn it off.
    notify: true,
    createdAt: now,
    updatedAt: now,
  };

  for (let attempt = 1; ; attempt++) {
    const trackingId = encodeTrackingId(randomBytes(TRACKING_ID_RANDOM_BYTES));
    const answer: ReportCreated = { trackingId, receipt, status: row.status, createdAt: now.toISOString() };
    try {
      const store = async (tx: Tx) => {
        const [inserted] = await insertReport(tx).execute(sealReport(keyring, { ...row, trackingId }));
        if (!inserted) throw new Error('the report insert returned no id');
        await insertReceivedEvent(tx).execute({ reportId: inserted.id, at: now });
        await insertMonitorRow(tx).execute({
          reportId: inserted.id,
          trackingId,
          kind: row.kind,
          institutionId: row.institutionId,
          createdAt: now,
        });
        await within?.(tx, inserted.id, answer);
      };
      await (commits ? commits.run(store) : db.transaction(store));
      return answer;
    } catch (error) {
      const collided = isUniqueViolation(error, 'reports', 'tracking_id');
      if (!collided || attempt >= MAX_TRACKING_ID_ATTEMPTS) throw error;
    }
  }
}

/**
 * Files a submission: the attachments are written durably first, then the
 * report and their records commit together. If the commit fails the files
 * are removed again; a crash in between leaves only unreferenced files.
 */
export async function fileReport(
  storage: ReportStorage,
  { input, files }: Submission,
  { now = new Date(), siteKey, channel, within }: CreateOptions = {},
): Promise<ReportCreated> {
  const store = storage.attachments;
  const stored = files.map((file) => ({
    file,
    key: randomKey(),
    publicId: randomKey(),
    envelope: null as string | null,
  }));
  try {
    for (const entry of stored) {
      // A confidential report's files are encrypted like its text.
      if (input.confidential) entry.envelope = await sealFile(storage.keyring, entry.file.path, entry.publicId);
    }
    await Promise.all(stored.map(({ key, file }) => store.putFile(key, file.path)));
    return await createReport(storage, input, {
      now,
      siteKey,
      channel,
      within: async (tx, reportId, answer) => {
        const { attachments } = tx.$tables;
        if (stored.length) {
          await tx.insert(attachments).values(
            stored.map(({ file, key, publicId, envelope }) => ({
              publicId,
              reportId,
              fileName: sealFileName(storage.keyring, file.fileName, publicId),
              mediaType: file.mediaType,
              size: file.size,
              sha256: file.sha256,
              storageKey: key,
              envelope,
              createdAt: now,
            })),
          );
        }
        await within?.(tx, reportId, answer);
      },
    });
  } catch (error) {
    await Promise.all(stored.map(({ key }) => store.remove(key)));
    throw error;
  }
}

/** The context an attachment's ciphertext is bound to. */
export const attachmentContext = (publicId: string) => `attachments:${publicId}`;

async function sealFile(keyring: Keyring, path: string, publicId: string): Promise<string> {
  const { sealed, envelope } = keyring.encryptBytes(await readFile(path), attachmentContext(publicId));
  await writeFile(path, sealed);
  return envelope;
}

function randomKey(): string {
  return randomBytes(16).toString('base64url');
}
