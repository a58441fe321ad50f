import { and, desc, eq } from 'drizzle-orm';
import { parseTrackingId } from '../../../contract';
import type { Db, Tx } from '../db/client';
import type { Report, ReportEvent } from '../db/schema';
import { DomainError } from '../errors';
import { moveFollowers } from '../followers/followers';
import { markForMonitor } from '../monitor/projector';
import type { Keyring } from '../privacy/keyring';

type Executor = Pick<Db | Tx, 'transaction' | '$tables'>;

/** The Tracking ID of the report `reportId` was found to repeat, from its newest `duplicate` event. */
export async function originalOf(
  db: Pick<Db | Tx, 'select' | '$tables'>,
  reportId: number,
): Promise<string | undefined> {
  const { reportEvents: e } = db.$tables;
  const [event] = await db
    .select({ reference: e.reference })
    .from(e)
    .where(and(eq(e.reportId, reportId), eq(e.type, 'duplicate')))
    .orderBy(desc(e.id))
    .limit(1);
  return event?.reference ?? undefined;
}

/** The newest `duplicate` event of a timeline: the original's Tracking ID. */
export const originalIn = (events: Pick<ReportEvent, 'type' | 'reference'>[]): string | undefined =>
  events.findLast((event) => event.type === 'duplicate')?.reference ?? undefined;

async function byTrackingId(db: Pick<Db | Tx, 'select' | '$tables'>, trackingId: string): Promise<Report | undefined> {
  const { reports } = db.$tables;
  const [found] = await db.select().from(reports).where(eq(reports.trackingId, trackingId));
  return found;
}

/**
 * Links a report filed anyway to the earlier one it repeats, as the
 * national workflow or the operator found: a `duplicate` event on its
 * timeline names the original (its tracker then points there), and the
 * people who followed the duplicate follow the original. The original is
 * taken at its root: a report that is itself a duplicate passes the link on.
 * Marking again with the same original does nothing; a report cannot repeat
 * itself, nor one that repeats it.
 */
export async function markDuplicate(
  db: Executor,
  keyring: Keyring,
  duplicate: Pick<Report, 'id' | 'trackingId'>,
  original: string,
  by: { actor: 'national' | 'institution' | 'hub'; at: Date },
): Promise<{ original: string; changed: boolean }> {
  return db.transaction(async (tx) => {
    const parsed = parseTrackingId(original);
    let root = parsed.ok ? await byTrackingId(tx, parsed.trackingId) : undefined;
    if (!root) throw new DomainError('not_found', 'No report has the Tracking ID given as the original');
    for (let hops = 0; hops < 20; hops++) {
      const further = await originalOf(tx, root.id);
      const next = further && (await byTrackingId(tx, further));
      if (!next) break;
      root = next;
    }
    if (root.id === duplicate.id) {
      throw new DomainError('validation_failed', 'A report cannot repeat itself, nor a report that repeats it', {
        fields: { original: { code: 'invalid_value', message: 'This is the report itself, or one that repeats it' } },
      });
    }
    if ((await originalOf(tx, duplicate.id)) === root.trackingId) return { original: root.trackingId, changed: false };
    const { reportEvents, reports } = tx.$tables;
    await tx.insert(reportEvents).values({
      reportId: duplicate.id,
      at: by.at,
      type: 'duplicate',
      actor: by.actor,
      reference: root.trackingId,
    });
    await tx.update(reports).set({ updatedAt: by.at }).where(eq(reports.id, duplicate.id));
    await markForMonitor(tx, duplicate.id);
    await moveFollowers(tx, keyring, duplicate, root);
    return { original: root.trackingId, changed: true };
  });
}
