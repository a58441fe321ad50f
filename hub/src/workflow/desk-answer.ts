import { canTransition, type ReportStatus } from '../../../contract';
import type { Tx } from '../db/client';
import type { Report } from '../db/schema';
import type { Keyring } from '../privacy/keyring';
import { recordMessage, recordTransition } from './transitions';

/**
 * The steps from a status to an answered report (followed up) that an
 * institution's own desk takes by answering: a desk that answers a report
 * it was sent has verified it and holds it. SP4N-LAPOR! records each step;
 * so does the hub, at the same moment, the answer on the last.
 */
const TOWARDS_ANSWER: readonly ReportStatus[] = ['verified', 'forwarded', 'followed_up'];

export function stepsToAnswer(from: ReportStatus): ReportStatus[] | undefined {
  if (canTransition(from, 'followed_up')) return ['followed_up'];
  const start = TOWARDS_ANSWER.findIndex((status) => canTransition(from, status));
  if (start < 0) return undefined;
  const steps = TOWARDS_ANSWER.slice(start);
  return steps.every((to, i) => canTransition(i ? (steps[i - 1] as ReportStatus) : from, to)) ? steps : undefined;
}

/**
 * An institution desk's answer (by email, or on its desk page): the
 * report moves to answered, the answer its note, and the reporter hears of
 * it once; a report that can no longer be answered (finished, archived)
 * takes it as a message on its timeline.
 */
export async function answerAsDesk(tx: Tx, keyring: Keyring, report: Report, text: string, at: Date): Promise<void> {
  const steps = stepsToAnswer(report.status);
  if (!steps) {
    await recordMessage(tx, keyring, report.id, { actor: 'institution', note: text, at });
    return;
  }
  await recordSteps(tx, keyring, report.id, steps, at, { note: text });
}

/**
 * Moves a report through `steps` as the institution, at one moment: the
 * reporter is told of the last step only, which carries `last` (its note,
 * the institution now holding the report); the ones on the way are
 * recorded as the national workflow records them.
 */
export async function recordSteps(
  tx: Tx,
  keyring: Keyring,
  reportId: number,
  steps: readonly ReportStatus[],
  at: Date,
  last: { note?: string; institution?: string },
): Promise<void> {
  for (const [i, to] of steps.entries()) {
    const step = { to, actor: 'institution' as const, at };
    await recordTransition(
      tx,
      keyring,
      reportId,
      i === steps.length - 1 ? { ...step, ...last } : { ...step, notify: false },
    );
  }
}
