/**
 * One connection, one transaction at a time, and nothing else on the
 * connection while it is open. SQLite runs on the hub's single connection,
 * and the hub's code awaits between the statements of a transaction; without
 * this, another request's statement issued in such a pause would join the
 * open transaction (and vanish with it on a rollback, or read what it had
 * not committed).
 *
 * The transaction's own statements are told apart by the handle they come
 * through (sqlite.ts gives a transaction's body a handle of its own), not by
 * their async context: AsyncLocalStorage would put a hook on every promise
 * the process makes, a tax on every request of the hub.
 */
export class SerialTransactions {
  private open?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();

  /** Whether a statement from outside the transactions may run now. */
  mayRun(): boolean {
    return !this.open;
  }

  /** Resolves when no transaction is open. */
  async turn(): Promise<void> {
    for (let open = this.open; open; open = this.open) await open;
  }

  /** Runs `body` as the only transaction, after those already waiting. */
  run<T>(body: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      let end = () => {};
      this.open = new Promise<void>((resolve) => (end = resolve));
      try {
        return await body();
      } finally {
        this.open = undefined;
        end();
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }
}
