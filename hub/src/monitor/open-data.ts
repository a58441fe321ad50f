import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import type { PublicReport } from '../../../contract/monitor';
import { type ListDeps, type PublicFilters, publicReport, publishedRows } from './list';

const require = createRequire(import.meta.url);
// Papa Parse (the hub's CSV reader and the polls' writer) writes the CSV: quoting, line breaks and formulas are its business.
const csv = () => require('papaparse') as typeof Papa;

/** The open data's CSV columns, in order; README's "Open data" describes each. */
export const OPEN_DATA_COLUMNS = [
  'tracking_id',
  'kind',
  'status',
  'title',
  'excerpt',
  'institution_id',
  'institution_name',
  'category_id',
  'category_name',
  'region_code',
  'region_name',
  'received_at',
  'forwarded_at',
  'deadline_kind',
  'deadline_due',
  'deadline_overdue',
  'resolution_due',
  'resolution_overdue',
] as const;

type CsvRow = Record<(typeof OPEN_DATA_COLUMNS)[number], string | boolean>;

function csvRow(report: PublicReport): CsvRow {
  return {
    tracking_id: report.trackingId,
    kind: report.kind,
    status: report.status,
    title: report.title,
    excerpt: report.excerpt,
    institution_id: report.institution.id,
    institution_name: report.institution.name,
    category_id: report.category?.id ?? '',
    category_name: report.category?.name ?? '',
    region_code: report.region?.code ?? '',
    region_name: report.region?.name ?? '',
    received_at: report.receivedAt,
    forwarded_at: report.forwardedAt,
    deadline_kind: report.deadline?.kind ?? '',
    deadline_due: report.deadline?.due ?? '',
    deadline_overdue: report.deadline?.overdue ?? '',
    resolution_due: report.resolution?.due ?? '',
    resolution_overdue: report.resolution?.overdue ?? '',
  };
}

/** Rows read per query: enough to keep the database busy, few enough that memory stays flat. */
const BATCH = 1000;

/**
 * Every published report in the filters, as CSV (with a header row) or
 * JSON (`{"items": [PublicReport, …]}`), UTF-8, read and written a thousand
 * at a time by the list's cursor: a hundred thousand rows stream out without
 * being held, and with the same exclusions as the list, since they are its rows.
 */
export function openData(
  deps: ListDeps,
  filters: PublicFilters,
  format: 'csv' | 'json',
  now: Date,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Parameters<typeof publishedRows>[3];
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      const { rows, last } = await publishedRows(deps.db, filters, BATCH, after);
      const reports = rows.map((row) => publicReport(deps, row, now));
      let text: string;
      if (format === 'csv') {
        const data = reports.map(csvRow);
        text =
          data.length || first
            ? `${csv().unparse({ fields: [...OPEN_DATA_COLUMNS], data }, { header: first, escapeFormulae: true })}\r\n`
            : '';
      } else {
        const items = reports.map((report) => JSON.stringify(report)).join(',');
        text = `${first ? '{"items":[' : items ? ',' : ''}${items}${last ? '' : ']}'}`;
      }
      first = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (last) after = last;
      else controller.close();
    },
  });
}
