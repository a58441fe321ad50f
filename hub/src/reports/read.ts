import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { type Attachment, attachments, type Report, type ReportEvent, reportEvents } from '../db/schema';
import type { Regions } from '../regions/regions';

/** What the views, the outbox and the workflow read about one report. */

const eventsStatement = prepared((db) =>
  db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, sql.placeholder('reportId')))
    .orderBy(asc(reportEvents.id))
    .prepare(),
);
const attachmentsStatement = prepared((db) =>
  db
    .select()
    .from(attachments)
    .where(eq(attachments.reportId, sql.placeholder('reportId')))
    .orderBy(asc(attachments.id))
    .prepare(),
);

export function eventsOf(db: Db, reportId: number): ReportEvent[] {
  return eventsStatement(db).all({ reportId });
}

export function attachmentsOf(db: Db, reportId: number): Attachment[] {
  return attachmentsStatement(db).all({ reportId });
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
