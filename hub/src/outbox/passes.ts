import type { Logger } from 'pino';
import { type Clock, realClock } from '../workflow/clock';

/**
 * Work done in passes, as the outbox and the SMS sender do it: `tick` runs
 * one pass (tests call it with the time they choose); `start` runs one
 * every `intervalMs` until `stop`, and the next at once while a pass leaves
 * a backlog (`backlogged`), so a backlog drains as fast as the far side
 * answers rather than one batch an interval.
 */
export abstract class Passes {
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<number>;
  private readonly idleWaiters: (() => void)[] = [];

  protected constructor(
    private readonly what: string,
    private readonly passDeps: { clock?: Clock; logger?: Logger },
  ) {}

  /** One pass at `now`: returns how many things it sent. */
  protected abstract work(now: Date): Promise<number>;

  /** Whether the last pass left work it could do at once. */
  protected backlogged(): boolean {
    return false;
  }

  start(intervalMs = 1000): void {
    const loop = async () => {
      await this.tick().catch((error) => this.passDeps.logger?.error({ err: error }, `${this.what} failed`));
      const again = this.backlogged();
      if (!again) for (const resolve of this.idleWaiters.splice(0)) resolve();
      this.timer = setTimeout(loop, again ? 0 : intervalMs);
      this.timer.unref?.();
    };
    void loop();
  }

  /** Resolves when the started passes next finish one that left no backlog: the backlog is worked off. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  tick(now = (this.passDeps.clock ?? realClock)()): Promise<number> {
    this.running = this.work(now);
    return this.running;
  }
}
