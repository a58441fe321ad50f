import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { type Attachment, attachments, type Report, type ReportEvent, reportEvents } from '../db/schema';
import type { Regions } from '../regions/regions';

/** What the views, the outbox and the workflow read about one report. */

const eventsStatement = prepared('events_of_report', (db) =>
  db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, sql.placeholder('reportId')))
    .orderBy(asc(reportEvents.id)),
);
const attachmentsStatement = prepared('attachments_of_report', (db) =>
  db
    .select()
    .from(attachments)
    .where(eq(attachments.reportId, sql.placeholder('reportId')))
    .orderBy(asc(attachments.id)),
);

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
