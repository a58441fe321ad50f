import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import { maskPersonalData } from '../../../contract';
import type { PollResults } from '../../../contract/polls';
import type { Poll } from '../db/schema';
import { DomainError } from '../errors';
import { pollState } from './polls';
import { answersOf, commentsOf, type VoteDeps } from './votes';

const require = createRequire(import.meta.url);
// Papa Parse (already the hub's CSV reader) writes the CSV: quoting, embedded line breaks and formulas are its business.
const csv = () => require('papaparse') as typeof Papa;

/** The label of answer `position` (1-based): a choice poll's option, or the level of agreement. */
const labelOf = (poll: Poll, position: number) => (poll.kind === 'choice' ? (poll.options[position - 1] ?? '') : '');

/** A closed poll's counts as CSV: one row per answer (UTF-8, with a header row). */
export function resultsCsv(poll: Poll, results: PollResults): string {
  const rows = Array.from({ length: answersOf(poll) }, (_, index) => ({
    answer: index + 1,
    label: labelOf(poll, index + 1),
    votes: results.counts[index] ?? 0,
  }));
  return `${csv().unparse(rows, { escapeFormulae: true })}\r\n`;
}

/**
 * A closed poll's comments, with personal data masked, if its institution
 * publishes them; read and written a thousand at a time, so a poll with a
 * million comments streams without being held in memory.
 */
export function publishedComments(
  deps: VoteDeps,
  poll: Poll,
  format: 'csv' | 'json',
  now: Date,
): ReadableStream<Uint8Array> {
  if (pollState(poll, now) !== 'closed')
    throw new DomainError('poll_not_closed', 'Comments are shown once the poll has closed');
  if (!poll.publishComments) throw new DomainError('not_found', 'This poll’s comments are not published');
  const encoder = new TextEncoder();
  const comments = commentsOf(deps, poll.id);
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      const batch: { answer: number; label: string; comment: string }[] = [];
      for (let next = await comments.next(); ; next = await comments.next()) {
        if (next.done) break;
        batch.push({
          answer: next.value.choice,
          label: labelOf(poll, next.value.choice),
          comment: maskPersonalData(next.value.comment),
        });
        if (batch.length === 1000) break;
      }
      const last = batch.length < 1000;
      let text: string;
      if (format === 'csv') {
        text =
          batch.length || first
            ? `${csv().unparse(batch.length ? batch : { fields: ['answer', 'label', 'comment'], data: [] }, { header: first, escapeFormulae: true })}\r\n`
            : '';
      } else {
        const items = batch.map((row) => JSON.stringify(row)).join(',');
        text = `${first ? '{"items":[' : items ? ',' : ''}${items}${last ? ']}' : ''}`;
      }
      first = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (last) controller.close();
    },
    async cancel() {
      await comments.return(undefined);
    },
  });
}
