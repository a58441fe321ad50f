import { and, eq } from 'drizzle-orm';
import { maskIdentity } from '../../../contract';
import type { AttachmentStore } from '../attachments/store';
import type { Db } from '../db/client';
import type { Delivery, Report } from '../db/schema';
import type { Directory } from '../directory/directory';
import { neutralFileName, openFileName } from '../privacy/file-names';
import type { Keyring } from '../privacy/keyring';
import { openNote } from '../privacy/sealed-notes';
import { openReport } from '../privacy/sealed-report';
import type { Regions } from '../regions/regions';
import { attachmentContext } from '../reports/create';
import { attachmentsOf, contactOf, locationOf, reportRow } from '../reports/read';
import { DeliveryError, type OutgoingAction, type OutgoingReport } from './destination';

/**
 * What a destination receives: the report opened from its sealed row, and a
 * reporter's later words. Anonim hides the reporter from the reported party,
 * which the receiving institution may be: an anonymous report goes without
 * its reporter's contact, with their name, email and phone masked wherever
 * they wrote them, and with neutral file names.
 */
export interface PayloadDeps {
  db: Db;
  directory: Directory;
  regions: Regions;
  keyring: Keyring;
  /** Where attachments are read from, for destinations that send files on. */
  attachments?: AttachmentStore;
  /** The hub's public address, for links in emails and to a public report's files. */
  publicUrl?: string;
}

/** A reporter's words as the destination receives them: opened, and without an anonymous reporter's identity. */
export function outgoingText(keyring: Keyring, sealed: Report, note: string): string {
  const text = openNote(keyring, sealed.trackingId, note) ?? '';
  return sealed.anonymous ? maskIdentity(text, contactOf(openReport(keyring, sealed))) : text;
}

/** The report as the destination receives it. */
export async function outgoingReport(deps: PayloadDeps, reportId: number): Promise<OutgoingReport> {
  const { db, directory, regions, keyring } = deps;
  const sealed = await reportRow(db, reportId);
  if (!sealed) throw new DeliveryError(`report ${reportId} is missing`, false);
  const r = openReport(keyring, sealed);
  const institution = directory.institution(r.institutionId);
  const category = r.categoryId ? directory.category(r.categoryId) : undefined;
  const files = await attachmentsOf(db, r.id);
  const reporter = contactOf(r);
  // Anonim hides the reporter from the reported party, which the receiving institution may be.
  const text = (value: string) => (r.anonymous ? maskIdentity(value, reporter) : value);
  return {
    trackingId: r.trackingId,
    kind: r.kind,
    title: text(r.title),
    body: text(r.body),
    incidentDate: r.incidentDate,
    location: locationOf(r, regions, text),
    institution: { id: r.institutionId, name: institution?.name ?? r.institutionId },
    ...(category && { category: { id: category.id, name: category.name } }),
    anonymous: r.anonymous,
    confidential: r.confidential,
    ...(!r.anonymous && reporter && { reporter }),
    // An anonymous reporter's file names can name them: the institution gets neutral ones.
    attachments: files.map((f, i) => ({
      name: r.anonymous ? neutralFileName(i, f.mediaType) : openFileName(keyring, f),
      mediaType: f.mediaType,
      size: f.size,
      ...(!r.confidential &&
        deps.publicUrl && {
          url: `${deps.publicUrl.replace(/\/$/, '')}/api/v1/reports/${r.trackingId}/attachments/${f.publicId}`,
        }),
      content: async () => {
        const stream = await deps.attachments?.read(f.storageKey);
        if (!stream) throw new DeliveryError(`attachment ${f.publicId} is missing from the store`, true);
        const bytes = Buffer.concat(await stream.toArray());
        return f.envelope ? keyring.decryptBytes(bytes, f.envelope, attachmentContext(f.publicId)) : bytes;
      },
    })),
    createdAt: r.createdAt.toISOString(),
  };
}

/** The timeline event an action or a notification passes on. */
export async function eventOf(db: Db, delivery: Pick<Delivery, 'eventId'>) {
  const { reportEvents } = db.$tables;
  if (!delivery.eventId) return undefined;
  const [event] = await db.select().from(reportEvents).where(eq(reportEvents.id, delivery.eventId));
  return event;
}

/**
 * A reporter's action as the destination receives it, by the reference the
 * destination gave the report; undefined while the report itself has not
 * arrived there (the destination would not know what it is about).
 */
export async function outgoingAction(deps: PayloadDeps, delivery: Delivery): Promise<OutgoingAction | undefined> {
  const { db, keyring } = deps;
  const { deliveries } = db.$tables;
  const [report] = await db
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.reportId, delivery.reportId),
        eq(deliveries.kind, 'report'),
        eq(deliveries.destination, delivery.destination),
      ),
    );
  const event = await eventOf(db, delivery);
  if (report?.state !== 'delivered' || !event) return undefined;
  const sealed = await reportRow(db, delivery.reportId);
  return {
    kind: delivery.kind as OutgoingAction['kind'],
    trackingId: sealed?.trackingId ?? '',
    ...(report.externalRef && { externalRef: report.externalRef }),
    ...(event.note && sealed && { text: outgoingText(keyring, sealed, event.note) }),
    ...(event.rating && { rating: event.rating }),
    at: event.at.toISOString(),
  };
}
