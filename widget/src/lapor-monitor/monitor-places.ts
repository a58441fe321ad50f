import { msg, str } from '@lit/localize';
import { html, nothing, svg } from 'lit';
import type { MonitorMap, MonitorStats } from '../../../contract/monitor';
import { type Figures, figureNumber, figureTable, formatFigure } from './monitor-figures';
import { type FigureKey, suppressedLabel } from './monitor-messages';

type Place = NonNullable<MonitorStats['places']>[number];

/** The figures a map can be shaded by: one count, the two deadline shares, the median, and today's overdue. */
export const SHADES: FigureKey[] = [
  'received',
  'answeredWithin5',
  'finishedWithin60',
  'medianDaysToResponse',
  'overdue',
];

/** Classes of a shaded map, lightest to darkest. */
const STEPS = 5;

/** Each place's value of the chosen figure; a place of fewer than 5 reports has none. */
function valuesOf(places: Place[], key: FigureKey): Map<string, number | null> {
  return new Map(
    places.map((place) => [place.region.code, place.suppressed ? null : figureNumber(place as Figures, key)]),
  );
}

/** Equal steps between the smallest and largest value, so the legend reads as plain ranges. */
function stepsOf(values: Iterable<number | null>): { low: number; high: number } {
  const known = [...values].filter((value): value is number => value !== null);
  return { low: Math.min(...known, 0), high: Math.max(...known, 0) };
}

function stepOf(value: number, { low, high }: { low: number; high: number }): number {
  if (high === low) return STEPS - 1;
  return Math.min(STEPS - 1, Math.floor(((value - low) / (high - low)) * STEPS));
}

/**
 * The map: each region shaded by the chosen figure, hidden from screen
 * readers (the table beside it holds the same numbers and is what they
 * read). Clicking a province opens its regencies; the table's buttons do the
 * same from a keyboard. Shading is by class, not inline style, so a page
 * whose policy refuses inline styles still shows it.
 */
export function renderMap(map: MonitorMap, places: Place[], key: FigureKey, open?: (code: string) => void) {
  const values = valuesOf(places, key);
  const range = stepsOf(values.values());
  const label = (code: string, name: string) => {
    const place = places.find((p) => p.region.code === code);
    if (!place) return `${name}: ${msg('belum ada laporan')}`;
    return place.suppressed ? `${name}: ${suppressedLabel()}` : `${name}: ${formatFigure(place, key)}`;
  };
  const stepWidth = (range.high - range.low) / STEPS;
  const format = (value: number) => formatFigure({ [key]: value } as unknown as Figures, key);
  return html`<figure class="map" part="map" aria-hidden="true">
    <svg viewBox=${map.viewBox} class=${open ? 'can-open' : ''}>
      ${map.regions.map((region) => {
        const value = values.get(region.code);
        const shade = value === undefined ? 'none' : value === null ? 'withheld' : `step-${stepOf(value, range)}`;
        return svg`<path d=${region.d} class=${shade} data-code=${region.code}
          @click=${open ? () => open(region.code) : nothing}><title>${label(region.code, region.name)}</title></path>`;
      })}
    </svg>
    <figcaption>
      <ul class="legend">
        ${Array.from({ length: STEPS }, (_, step) => {
          const from = range.low + step * stepWidth;
          const to = range.low + (step + 1) * stepWidth;
          return html`<li><svg viewBox="0 0 1 1" class="swatch"><rect width="1" height="1" class=${`step-${step}`}></rect></svg>
            ${range.high === range.low ? format(range.high) : `${format(from)} – ${format(to)}`}</li>`;
        }).slice(range.high === range.low ? STEPS - 1 : 0)}
        <li><svg viewBox="0 0 1 1" class="swatch"><rect width="1" height="1" class="withheld"></rect></svg>${suppressedLabel()}</li>
        <li><svg viewBox="0 0 1 1" class="swatch"><rect width="1" height="1" class="none"></rect></svg>${msg('Belum ada laporan')}</li>
      </ul>
      <small class="attribution">${map.attribution}</small>
    </figcaption>
  </figure>`;
}

const PLACE_COLUMNS: FigureKey[] = [
  'received',
  'forwarded',
  'answeredWithin5',
  'finishedWithin60',
  'medianDaysToResponse',
  'overdue',
];

/** The places' figures as a table, always shown: the map's numbers for everyone, and its way in by keyboard. */
export function renderPlaces(places: Place[], caption: string, open?: (code: string, name: string) => void) {
  if (!places.length) return html`<p class="muted">${msg('Belum ada laporan yang diterbitkan di wilayah ini.')}</p>`;
  return figureTable(
    'places',
    caption,
    msg('Wilayah'),
    PLACE_COLUMNS,
    places.map(
      (place) => html`<tr>
        <th scope="row">
          ${
            open
              ? html`<button class="link" @click=${() => open(place.region.code, place.region.name)}
                  aria-label=${msg(str`${place.region.name}: tampilkan kabupaten dan kota`)}>${place.region.name}</button>`
              : place.region.name
          }
        </th>
        ${
          place.suppressed
            ? html`<td colspan=${PLACE_COLUMNS.length - 1} class="suppressed">${suppressedLabel()}</td>
                <td>${formatFigure(place as unknown as Figures, 'overdue')}</td>`
            : PLACE_COLUMNS.map((key) => html`<td>${formatFigure(place, key)}</td>`)
        }
      </tr>`,
    ),
  );
}
