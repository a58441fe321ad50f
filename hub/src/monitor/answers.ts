import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { localDate } from '../workflow/calendar';

const versionOf = prepared('monitor_version', (db) => {
  const { monitorState } = db.$tables;
  return db.select({ version: monitorState.version }).from(monitorState).where(eq(monitorState.id, 1));
});

/** The projector's count of passes that moved something: what the public answers were computed at. */
export async function monitorVersion(db: Db): Promise<number> {
  const [state] = await versionOf(db).execute();
  return state?.version ?? 0;
}

/** Counts a pass of the projector that moved something, in its transaction. */
export async function nextVersion(tx: Tx): Promise<void> {
  const { monitorState } = tx.$tables;
  await tx
    .update(monitorState)
    .set({ version: sql`${monitorState.version} + 1` })
    .where(eq(monitorState.id, 1));
}

/** Indonesia's three zones: overdue counts move at each one's midnight. */
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/**
 * Public monitoring's answers, kept until the projector next moves anything
 * (in any process: the version is read from the database on every request)
 * or the day changes in one of Indonesia's zones. The same for every
 * visitor, so a crowd refreshing a school's page or a region's map costs one
 * computation; list pages and figures are built from a handful of indexed
 * rows, but at fifty requests at once even a few milliseconds each would queue.
 */
export class PublicAnswers {
  private readonly kept = new LRUCache<string, object>({ max: 1000 });

  async get<T extends object>(db: Db, now: Date, what: string, compute: () => Promise<T>): Promise<T> {
    const days = ZONES.map((zone) => localDate(now, zone)).join();
    const key = `${await monitorVersion(db)}|${days}|${what}`;
    const kept = this.kept.get(key);
    if (kept) return kept as T;
    const answer = await compute();
    this.kept.set(key, answer);
    return answer;
  }
}
