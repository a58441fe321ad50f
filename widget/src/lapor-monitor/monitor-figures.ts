import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { MONITOR_LIMITS, type MonitorFigures, type MonitorStats } from '../../../contract/monitor';
import { formatMonth, formatNumber, formatPercent } from '../internal/format';
import { type FigureKey, figureExplanation, figureLabel, suppressedLabel } from './monitor-messages';

/** A scope's or a place's figures with its overdue count, when it has one. */
export type Figures = MonitorFigures & { overdue?: number };

/** The figures in the order they are read: how many, then how well the deadlines were kept. */
export const TOTALS: FigureKey[] = [
  'received',
  'forwarded',
  'answered',
  'finished',
  'answeredWithin5',
  'finishedWithin60',
  'medianDaysToResponse',
  'overdue',
];

/** A figure's number, as a value to shade by: null where there is none. */
export function figureNumber(figures: Figures, key: FigureKey): number | null {
  return figures[key] ?? null;
}

/** A figure written for people: counts, shares as percentages, "≥ 61" where the hub stopped counting days. */
export function formatFigure(figures: Figures, key: FigureKey): string {
  const value = figureNumber(figures, key);
  if (value === null) return '—';
  if (key === 'answeredWithin5' || key === 'finishedWithin60') return formatPercent(value);
  if (key === 'medianDaysToResponse') {
    return value >= MONITOR_LIMITS.responseDaysCap ? `≥ ${MONITOR_LIMITS.responseDaysCap}` : formatNumber(value, 1);
  }
  return formatNumber(value);
}

/** The scope's totals, each with the line that says what it counts. */
export function renderTotals(stats: MonitorStats) {
  const figures: Figures = { ...stats.totals, overdue: stats.overdue };
  return html`<dl part="figures" class="figures">
    ${TOTALS.map(
      (key) => html`<div class="figure">
        <dt>${figureLabel(key)}</dt>
        <dd class="value">${formatFigure(figures, key)}</dd>
        <dd class="explanation">${figureExplanation(key)}</dd>
      </div>`,
    )}
  </dl>`;
}

const MONTH_COLUMNS = TOTALS.filter((key) => key !== 'overdue');

/**
 * A table of figures, one row per month or place. Wider than a phone, it
 * scrolls within its own region (focusable, so a keyboard can scroll it).
 */
export function figureTable(
  part: 'months' | 'places',
  caption: string,
  first: string,
  columns: FigureKey[],
  rows: TemplateResult[],
) {
  return html`<div class="table-scroll" part=${part} role="region" tabindex="0" aria-labelledby=${`${part}-caption`}>
    <table>
      <caption id=${`${part}-caption`}>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${first}</th>
          ${columns.map((key) => html`<th scope="col">${figureLabel(key)}</th>`)}
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  </div>`;
}

/** The figures by month of receipt, newest first. */
export function renderMonths(stats: MonitorStats) {
  if (stats.suppressed || !stats.months.length) return nothing;
  return figureTable(
    'months',
    msg('Per bulan laporan diterima'),
    msg('Bulan'),
    MONTH_COLUMNS,
    [...stats.months].reverse().map(
      (month) => html`<tr>
        <th scope="row">${formatMonth(month.month)}</th>
        ${
          month.suppressed
            ? html`<td colspan=${MONTH_COLUMNS.length} class="suppressed">${suppressedLabel()}</td>`
            : MONTH_COLUMNS.map((key) => html`<td>${formatFigure(month, key)}</td>`)
        }
      </tr>`,
    ),
  );
}
