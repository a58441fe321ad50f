import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { PollView } from '../../../contract/polls';
import { answersOf } from './poll-messages';

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * A closed poll's results: bars for the eye (hidden from screen readers;
 * drawn as SVG, whose sizes are attributes, so a page whose policy refuses
 * inline styles still shows them)
 * and, always beside them, a table of the same numbers, which is what a
 * screen reader reads and what survives a page printed in black and white.
 */
export function renderResults(poll: PollView) {
  const results = poll.results;
  if (!results) return nothing;
  const answers = answersOf(poll);
  const rows = answers.map((label, index) => {
    const votes = results.counts[index] ?? 0;
    return { label, votes, share: percent(votes, results.votes), mine: poll.yourVote?.choice === index + 1 };
  });
  return html`
    <div part="results" class="results">
      <p>${msg(str`${results.votes} suara.`)}</p>
      <div class="chart" aria-hidden="true">
        ${rows.map(
          (row) => html`<div class="bar-row">
            <span class="bar-label">${row.label}</span>
            <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none"><rect class="fill" width=${row.share} height="1"></rect></svg>
            <span class="bar-value">${row.share} %</span>
          </div>`,
        )}
      </div>
      <table part="results-table">
        <caption>${msg('Hasil jajak pendapat')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Jawaban')}</th>
            <th scope="col">${msg('Suara')}</th>
            <th scope="col">${msg('Persen')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label}${row.mine ? html`<span class="mine">${` (${msg('pilihan Anda')})`}</span>` : nothing}</th>
              <td>${row.votes}</td>
              <td>${row.share} %</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  `;
}
