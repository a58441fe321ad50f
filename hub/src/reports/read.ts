import { and, asc, eq, sql } from 'drizzle-orm';
import type { ReportView } from '../../../contract';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import type { Attachment, Report, ReportEvent } from '../db/schema';
import type { Routing } from '../outbox/routing';
import type { Regions } from '../regions/regions';

/** What the views, the outbox and the workflow read about one report. */

const reportById = prepared('report_by_id', (db) => {
  const { reports } = db.$tables;
  return db
    .select()
    .from(reports)
    .where(eq(reports.id, sql.placeholder('reportId')));
});

/** A report's row as stored (sealed), by its id. */
export async function reportRow(db: Db | Tx, reportId: number): Promise<Report | undefined> {
  const [report] = await reportById(db).execute({ reportId });
  return report;
}

const eventsStatement = prepared('events_of_report', (db) => {
  const { reportEvents } = db.$tables;
  return db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, sql.placeholder('reportId')))
    .orderBy(asc(reportEvents.id));
});
const attachmentsStatement = prepared('attachments_of_report', (db) => {
  const { attachments } = db.$tables;
  return db
    .select()
    .from(attachments)
    .where(eq(attachments.reportId, sql.placeholder('reportId')))
    .orderBy(asc(attachments.id));
});

const reportDestination = prepared('report_destination', (db) => {
  const { deliveries } = db.$tables;
  return db
    .select({ destination: deliveries.destination })
    .from(deliveries)
    .where(and(eq(deliveries.reportId, sql.placeholder('reportId')), eq(deliveries.kind, 'report')));
});

/**
 * Where the hub sends a report: into SP4N-LAPOR!'s national workflow, or to
 * an institution's own desk (webhook, email, Open311); undefined while its
 * destination is not configured.
 */
export async function sentTo(db: Db | Tx, routing: Routing, reportId: number): Promise<ReportView['sentTo']> {
  const [delivery] = await reportDestination(db).execute({ reportId });
  const destination = delivery && routing.destination(delivery.destination);
  return destination && (destination.national ? 'sp4n-lapor' : 'institution');
}

export function eventsOf(db: Db | Tx, reportId: number): Promise<ReportEvent[]> {
  return eventsStatement(db).execute({ reportId });
}

export function attachmentsOf(db: Db | Tx, reportId: number): Promise<Attachment[]> {
  return attachmentsStatement(db).execute({ reportId });
}

/** The reporter's contact as given, leaving out what is empty; undefined when nothing was given. */
export function contactOf(report: Pick<Report, 'reporterName' | 'reporterEmail' | 'reporterPhone'>) {
  const contact = {
    ...(report.reporterName && { name: report.reporterName }),
    ...(report.reporterEmail && { email: report.reporterEmail }),
    ...(report.reporterPhone && { phone: report.reporterPhone }),
  };
  return Object.keys(contact).length ? contact : undefined;
}

/** Where it happened, with the region spelled out; `text` may be transformed (masked) on the way. */
export function locationOf(
  report: Pick<Report, 'locationText' | 'regionCode'>,
  regions: Regions,
  text: (value: string) => string = (value) => value,
) {
  return {
    text: text(report.locationText),
    ...(report.regionCode && { regionCode: report.regionCode, regionName: regions.describe(report.regionCode) }),
  };
}
