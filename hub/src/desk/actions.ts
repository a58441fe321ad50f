import { and, eq } from 'drizzle-orm';
import { canTransition } from '../../../contract';
import type { Db } from '../db/client';
import type { Report } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';
import { enqueueDelivery } from '../outbox/queue';
import type { Routing } from '../outbox/routing';
import type { Keyring } from '../privacy/keyring';
import { answerAsDesk, recordSteps, stepsToAnswer } from '../workflow/desk-answer';
import { recordMessage, recordTransition } from '../workflow/transitions';

/** What an institution's desk does on its desk page: the national desk's actions. */
export type DeskAction =
  | { kind: 'verify' }
  | { kind: 'answer'; text: string }
  | { kind: 'ask'; text: string }
  | { kind: 'forward'; institutionId: string; text?: string }
  | { kind: 'finish'; text?: string };

export interface DeskDeps {
  db: Db;
  keyring: Keyring;
  directory: Directory;
  routing: Routing;
}

/** The actions a report's status allows, as the page offers them. */
export function deskActionsFor(report: Pick<Report, 'status'>): DeskAction['kind'][] {
  const { status } = report;
  const kinds: DeskAction['kind'][] = [];
  if (canTransition(status, 'verified')) kinds.push('verify');
  if (stepsToAnswer(status)) kinds.push('answer');
  if (status !== 'archived' && status !== 'finished') kinds.push('ask');
  if (forwardSteps(status)) kinds.push('forward');
  if (canTransition(status, 'finished')) kinds.push('finish');
  return kinds;
}

/**
 * To pass a report to another institution the desk declines it (bukan
 * kewenangan, not its authority) and forwards it where it belongs, as the
 * national workflow's disposition does; a report not yet verified is
 * verified on the way.
 */
function forwardSteps(status: Report['status']): ('verified' | 'not_authority' | 'forwarded')[] | undefined {
  if (status === 'submitted' || status === 'held') return ['verified', 'forwarded'];
  if (status === 'verified' || status === 'not_authority') return ['forwarded'];
  if (status === 'forwarded') return ['not_authority', 'forwarded'];
  return undefined;
}

/**
 * Applies a desk's action as the institution (actor `institution`), in one
 * transaction: the reporter hears of it as of any response. Asking for more
 * information is a response that leaves the status; the reporter answers
 * from the tracker or by replying to the email. Forwarding also sends the
 * report to the new institution's own destination when that is another
 * one: no wrong door.
 */
export async function actAsDesk(deps: DeskDeps, report: Report, action: DeskAction, now: Date): Promise<void> {
  const { db, keyring, directory, routing } = deps;
  if (!deskActionsFor(report).includes(action.kind)) {
    throw new DomainError(
      'invalid_transition',
      `Tindakan ini tidak dapat dilakukan pada laporan berstatus ${report.status} (not allowed now)`,
    );
  }
  const as = { actor: 'institution' as const, at: now };
  await db.transaction(async (tx) => {
    if (action.kind === 'verify') await recordTransition(tx, keyring, report.id, { ...as, to: 'verified' });
    if (action.kind === 'answer') await answerAsDesk(tx, keyring, report, action.text, now);
    if (action.kind === 'ask') await recordMessage(tx, keyring, report.id, { ...as, note: action.text });
    if (action.kind === 'finish') {
      await recordTransition(tx, keyring, report.id, {
        ...as,
        to: 'finished',
        ...(action.text && { note: action.text }),
      });
    }
    if (action.kind === 'forward') {
      if (!directory.institution(action.institutionId)) {
        throw new DomainError('validation_failed', 'Instansi tujuan tidak dikenal (unknown institution)', {
          fields: { institutionId: { code: 'unknown_institution', message: 'No institution has this id' } },
        });
      }
      await recordSteps(tx, keyring, report.id, forwardSteps(report.status) ?? [], now, {
        institution: action.institutionId,
        ...(action.text && { note: action.text }),
      });
      const destination = routing.destinationFor({
        siteKey: report.siteKey,
        institutionPath: directory.lineage(action.institutionId),
      });
      const { deliveries } = tx.$tables;
      const [already] = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.reportId, report.id),
            eq(deliveries.kind, 'report'),
            eq(deliveries.destination, destination),
          ),
        );
      if (!already) await enqueueDelivery(tx, report.id, destination, now);
    }
  });
}
