import type { Db, Tx } from './client';

/** Units of work that arrive close together, and the outcome each waits for. */
interface Pending<T> {
  work: (tx: Tx) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** How long the first unit of a group waits for others, in ms; 0 waits only for the current turn of the event loop. */
  waitMs?: number;
  /** A group is committed at once when it reaches this many units. */
  maxSize?: number;
  /** Groups committing at the same time: 1 on SQLite (one writer), more on PostgreSQL's pool. */
  concurrency?: number;
  /** Schedules the end of the wait (tests hold it to build a group on purpose). */
  schedule?: (flush: () => void, waitMs: number) => void;
}

const defaultSchedule = (flush: () => void, waitMs: number) => {
  if (waitMs > 0) setTimeout(flush, waitMs);
  else setImmediate(flush);
};

/**
 * Commits units of work that arrive together in one transaction, each in a
 * savepoint of its own. A commit costs more than the few rows of a report
 * (SQLite writes every changed page to its log, PostgreSQL waits for its
 * disk), so a hub filing many reports at once pays it once per group
 * instead of once per report.
 *
 * What holds for each unit is what held for its own transaction: it sees
 * only its own writes and the committed ones, a unit that throws is rolled
 * back alone (its savepoint) and the others commit, and no unit's promise
 * settles before the group's commit has: a unit acknowledged is durable as
 * before. If the commit itself fails, every unit of the group fails.
 */
export class GroupCommit {
  private waiting: Pending<unknown>[] = [];
  private scheduled = false;
  private committing = 0;
  private readonly waitMs: number;
  private readonly maxSize: number;
  private readonly concurrency: number;
  private readonly schedule: NonNullable<GroupCommitOptions['schedule']>;

  constructor(
    private readonly db: Db,
    { waitMs = 0, maxSize = 64, concurrency = 1, schedule = defaultSchedule }: GroupCommitOptions = {},
  ) {
    this.waitMs = waitMs;
    this.maxSize = maxSize;
    this.concurrency = concurrency;
    this.schedule = schedule;
  }

  /** Runs `work` in the next group's transaction; settles once that transaction has committed or failed. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve, reject } as Pending<unknown>);
      if (this.waiting.length >= this.maxSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => {
          this.scheduled = false;
          this.flush();
        }, this.waitMs);
      }
    });
  }

  /** Starts committing what waits, if a committer is free; the one that ends picks up what arrived meanwhile. */
  private flush(): void {
    if (!this.waiting.length || this.committing >= this.concurrency) return;
    const group = this.waiting.splice(0, this.maxSize);
    this.committing++;
    void this.commit(group).finally(() => {
      this.committing--;
      this.flush();
    });
  }

  private async commit(group: Pending<unknown>[]): Promise<void> {
    const outcomes: (() => void)[] = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const unit of group) {
          try {
            const value = await tx.transaction((savepoint) => unit.work(savepoint));
            outcomes.push(() => unit.resolve(value));
          } catch (error) {
            outcomes.push(() => unit.reject(error));
          }
        }
      });
    } catch (error) {
      for (const unit of group) unit.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
  }
}
