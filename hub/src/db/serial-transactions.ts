import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One connection, one transaction at a time, and nothing else on the
 * connection while it is open. SQLite runs on the hub's single connection,
 * and the hub's code awaits between the statements of a transaction; without
 * this, another request's statement issued in such a pause would join the
 * open transaction (and vanish with it on a rollback). Statements of the
 * transaction's own async context pass; every other statement waits for the
 * transaction to end.
 */
export class SerialTransactions {
  private readonly owner = new AsyncLocalStorage<symbol>();
  private open?: { token: symbol; ended: Promise<void> };
  private queue: Promise<unknown> = Promise.resolve();

  /** Whether a statement from the current context may run now. */
  mayRun(): boolean {
    return !this.open || this.owner.getStore() === this.open.token;
  }

  /** Resolves when a statement from the current context may run. */
  async turn(): Promise<void> {
    while (!this.mayRun()) await this.open?.ended;
  }

  /** Runs `body` as the only transaction, after those already waiting. */
  run<T>(body: () => Promise<T>): Promise<T> {
    if (this.open && this.owner.getStore() === this.open.token) {
      throw new Error('a transaction is already open here: nest with tx.transaction(), not db.transaction()');
    }
    const result = this.queue.then(async () => {
      const token = Symbol('transaction');
      let end = () => {};
      this.open = { token, ended: new Promise<void>((resolve) => (end = resolve)) };
      try {
        return await this.owner.run(token, body);
      } finally {
        this.open = undefined;
        end();
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }
}
