import { and, eq, or, sql } from 'drizzle-orm';
import { maskIdentity, maskPersonalData, type ReportView } from '../../../contract';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import type { Attachment, Report, ReportEvent } from '../db/schema';
import type { Directory } from '../directory/directory';
import type { Routing } from '../outbox/routing';
import { neutralFileName, openFileName } from '../privacy/file-names';
import type { Keyring } from '../privacy/keyring';
import { openNote } from '../privacy/sealed-notes';
import { openReport } from '../privacy/sealed-report';
import type { Regions } from '../regions/regions';
import type { WorkingCalendar } from '../workflow/calendar';
import { deadlinesOf, timeZoneOf } from '../workflow/deadlines';
import { originalIn } from './duplicates';
import { attachmentsOf, contactOf, eventsOf, locationOf, sentTo } from './read';

const reportByTrackingId = prepared('report_by_tracking_id', (db) => {
  const { reports } = db.$tables;
  return db
    .select()
    .from(reports)
    .where(eq(reports.trackingId, sql.placeholder('trackingId')));
});

export async function findReport(db: Db, trackingId: string): Promise<Report | undefined> {
  const [report] = await reportByTrackingId(db).execute({ trackingId });
  return report;
}

const reportWithNewestEvent = prepared('report_with_newest_event', (db) => {
  const { reports, reportEvents } = db.$tables;
  return db
    .select({
      report: reports,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, so `id` would be the event's own.
      newestEvent: sql<number>`(select max(newest.id) from ${reportEvents} as newest where newest.report_id = ${reports}.id)`,
    })
    .from(reports)
    .where(eq(reports.trackingId, sql.placeholder('trackingId')));
});

/**
 * A report and the id of its newest timeline event, read together: a lookup
 * needs both (the event tells whether a kept public view still holds), and
 * one statement costs half of two on the hot path.
 */
export async function findReportAndNewestEvent(
  db: Db,
  trackingId: string,
): Promise<{ report: Report; newestEvent: number } | undefined> {
  const [found] = await reportWithNewestEvent(db).execute({ trackingId });
  return found && { report: found.report, newestEvent: Number(found.newestEvent ?? 0) };
}

/**
 * What a viewer may see of a report. The public never sees a confidential
 * report's content nor an anonymous report's reporter, and never anyone's
 * contact details; the reporter (holding the receipt) sees everything given.
 */
export interface ViewDeps {
  /** Where reports go, to tell the reporter whether theirs went to SP4N-LAPOR! or the institution's own desk. */
  routing?: Routing;
  db: Db;
  directory: Directory;
  regions: Regions;
  keyring: Keyring;
  calendar: WorkingCalendar;
}

export async function reportView(
  { db, directory, regions, keyring, calendar, routing }: ViewDeps,
  sealed: Report,
  viewer: ReportView['viewer'],
  now = new Date(),
): Promise<ReportView> {
  const { report, shown } =
    viewer === 'reporter' ? { report: openReport(keyring, sealed), shown: asWritten } : openForPublic(keyring, sealed);
  const showContent = viewer === 'reporter' || !report.confidential;
  // Where it went matters once it has gone: a received report has not.
  const [events, files, sent] = await Promise.all([
    eventsOf(db, report.id),
    showContent ? attachmentsOf(db, report.id) : [],
    routing && report.status !== 'received' ? sentTo(db, routing, report.id) : undefined,
  ]);
  const category = report.categoryId ? directory.category(report.categoryId) : undefined;
  const institutionRef = (id: string) => ({ id, name: directory.institution(id)?.name ?? id });
  const holder = events.findLast((event) => event.institution)?.institution;
  const original = originalIn(events);

  return {
    viewer,
    trackingId: report.trackingId,
    kind: report.kind,
    status: report.status,
    anonymous: report.anonymous,
    confidential: report.confidential,
    institution: institutionRef(holder ?? report.institutionId),
    ...(category && { category: { id: category.id, name: category.name } }),
    ...(showContent && {
      title: shown(report.title),
      body: shown(report.body),
      incidentDate: report.incidentDate,
      location: locationOf(report, regions, shown),
    }),
    ...reporterPart(report, viewer),
    ...attachmentsPart(files, report, viewer, keyring),
    ...deadlinesOf(report, events, calendar, timeZoneOf(directory, report.institutionId), now),
    ...(sent && { sentTo: sent }),
    ...(original && { duplicateOf: original }),
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    // A confidential report's public timeline says what happened and when, never what was written.
    timeline: events.map((event) =>
      showContent
        ? {
            ...timelineEntry(event, (note) => shown(openNote(keyring, report.trackingId, note) ?? '')),
            ...(event.institution && { institution: institutionRef(event.institution) }),
          }
        : bareEntry(event),
    ),
  };
}

const asWritten = (text: string) => text;

/**
 * A report opened as far as the public's view needs, and how the public sees
 * its text: NIK, phone numbers and email addresses masked, and never an
 * anonymous reporter's own name or contacts. Decrypting costs: only a named
 * reporter's name is opened, or an anonymous one's identity to mask it.
 */
export function openForPublic(keyring: Keyring, sealed: Report): { report: Report; shown: (text: string) => string } {
  const report = openReport(keyring, sealed, sealed.anonymous ? IDENTITY : sealed.confidential ? [] : ['reporterName']);
  const identity = report.anonymous ? contactOf(report) : undefined;
  return { report, shown: (text) => maskPersonalData(maskIdentity(text, identity)) };
}

function reporterPart(report: Report, viewer: ReportView['viewer']): Pick<ReportView, 'reporter'> {
  if (viewer === 'reporter') {
    const reporter = contactOf(report);
    return reporter ? { reporter } : {};
  }
  return !report.anonymous && !report.confidential && report.reporterName
    ? { reporter: { name: report.reporterName } }
    : {};
}

const IDENTITY = ['reporterName', 'reporterEmail', 'reporterPhone'] as const;

function bareEntry(event: ReportEvent): ReportView['timeline'][number] {
  return {
    at: event.at.toISOString(),
    type: event.type,
    actor: event.actor,
    ...(event.status && { status: event.status }),
    // Which report it repeats is no content of its own: said even where the content is not.
    ...(event.type === 'duplicate' && event.reference && { reference: event.reference }),
  };
}

function timelineEntry(event: ReportEvent, note: (stored: string) => string): ReportView['timeline'][number] {
  const text = event.note ? note(event.note) : undefined;
  const earlier = event.actor === 'hub' && event.status === 'submitted' ? EARLIER_REFERENCE.exec(text ?? '') : null;
  const reference = event.reference ?? earlier?.[1];
  return {
    ...bareEntry(event),
    ...(text && !earlier && { note: text }),
    ...(reference && { reference }),
    ...(event.rating && { rating: event.rating }),
  };
}

/** How hubs before the `reference` column wrote a destination's number, as a note in Indonesian. */
const EARLIER_REFERENCE = /^Nomor laporan di [^:]+: (.+)$/;

/** A report delivered to `destination`, by our Tracking ID or the destination's own reference. */
export async function findReportForDestination(
  db: Db,
  destination: string,
  reference: string,
): Promise<Report | undefined> {
  const { deliveries, reports } = db.$tables;
  const [row] = await db
    .select({ report: reports })
    .from(deliveries)
    .innerJoin(reports, eq(deliveries.reportId, reports.id))
    .where(
      and(
        eq(deliveries.destination, destination),
        or(eq(reports.trackingId, reference), eq(deliveries.externalRef, reference)),
      ),
    )
    .limit(1);
  return row?.report;
}

/** One of the report's attachments, and the name `viewer` knows it by. */
export async function findAttachment(
  db: Db,
  keyring: Keyring,
  report: Report,
  publicId: string,
  viewer: ReportView['viewer'],
): Promise<{ attachment: Attachment; name: string } | undefined> {
  const rows = await attachmentsOf(db, report.id);
  const index = rows.findIndex((row) => row.publicId === publicId);
  const attachment = rows[index];
  if (!attachment) return undefined;
  const name = viewer === 'reporter' ? openFileName(keyring, attachment) : neutralFileName(index, attachment.mediaType);
  return { attachment, name };
}

/** The reporter sees their files' own names; the public sees `lampiran-1.jpg`, `lampiran-2.pdf`… */
function attachmentsPart(
  rows: Attachment[],
  report: Report,
  viewer: ReportView['viewer'],
  keyring: Keyring,
): Pick<ReportView, 'attachments'> {
  if (!rows.length) return {};
  return {
    attachments: rows.map((row, i) => ({
      id: row.publicId,
      name: viewer === 'reporter' ? openFileName(keyring, row) : neutralFileName(i, row.mediaType),
      mediaType: row.mediaType,
      size: row.size,
      url: `/api/v1/reports/${report.trackingId}/attachments/${row.publicId}`,
    })),
  };
}
