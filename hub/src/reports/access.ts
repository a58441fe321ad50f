import { parseTrackingId, type ReportView } from '../../../contract';
import type { Db } from '../db/client';
import type { Report } from '../db/schema';
import { DomainError } from '../errors';
import { receiptMatches } from './receipt';
import { findReportAndNewestEvent } from './views';

export interface Access {
  report: Report;
  /** The id of the report's newest timeline event when it was read (every change a viewer sees is an event). */
  newestEvent: number;
  /** The public, or the reporter (who showed the receipt). */
  viewer: ReportView['viewer'];
}

/**
 * The report a Tracking ID names and who is asking: without a receipt the
 * public, with the report's own receipt its reporter. A wrong receipt is
 * refused rather than answered as the public, so a typo is noticed.
 */
export async function accessReport(db: Db, trackingId: string, receipt: string | undefined): Promise<Access> {
  const parsed = parseTrackingId(trackingId);
  if (!parsed.ok) throw new DomainError('invalid_tracking_id', 'This is not a valid Tracking ID');
  const found = await findReportAndNewestEvent(db, parsed.trackingId);
  if (!found) throw new DomainError('not_found', 'No report has this Tracking ID');
  if (receipt === undefined) return { ...found, viewer: 'public' };
  if (!receipt || !receiptMatches(receipt, found.report.receiptHash)) {
    throw new DomainError('invalid_receipt', 'The receipt does not match this report');
  }
  return { ...found, viewer: 'reporter' };
}

/** Only the reporter may act on a report. */
export function asReporter({ report, viewer }: Access): Report {
  if (viewer !== 'reporter')
    throw new DomainError('invalid_receipt', 'Only the reporter, with the receipt, may do this');
  return report;
}
