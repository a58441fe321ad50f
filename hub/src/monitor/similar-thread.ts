import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { SimilarMatcher } from './similar';
import type { SimilarQuery } from './similar-ranking';

export interface RankRequest {
  id: number;
  query: SimilarQuery;
  family: string[];
  scan: number;
}
export type RankResponse = { id: number; ranked: number[] } | { id: number; error: string };

/** The worker's file beside this one: JavaScript in the built hub, TypeScript where the hub runs from source. */
const WORKER_FILE = new URL(
  import.meta.url.endsWith('.ts') ? './similar-worker.ts' : './similar-worker.js',
  import.meta.url,
);

/**
 * Similar reports ranked on a second core: a worker thread with its own
 * connection to the hub's SQLite file (similar-worker.ts). Ranking reads the
 * search index and weighs every candidate's words: about half a millisecond
 * of a core each at 1,000,000 reports, which the hub's one thread would
 * otherwise take from every other request while visitors type. Started on
 * the first suggestion; should it fail or end, the waiting suggestions and
 * those after are ranked in the hub's own thread until it has started again.
 */
export class SimilarThread implements SimilarMatcher {
  private worker?: Worker;
  /** When the thread last ended unasked: it is not started again for a minute, so that a fault cannot loop. */
  private endedAt = Number.NEGATIVE_INFINITY;
  private next = 0;
  private readonly waiting = new Map<number, { request: RankRequest; done: (ranked: Promise<number[]>) => void }>();

  constructor(
    private readonly path: string,
    private readonly fallback: SimilarMatcher,
    private readonly logger?: Logger,
  ) {}

  rank(query: SimilarQuery, family: string[], scan: number): Promise<number[]> {
    const request = { id: this.next++, query, family, scan };
    if (Date.now() - this.endedAt < 60_000) return this.inThisThread(request);
    return new Promise<number[]>((resolve) => {
      this.waiting.set(request.id, { request, done: resolve });
      this.started().postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
    this.failAll();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE, { workerData: { path: this.path } });
    worker.unref();
    worker.on('message', (answer: RankResponse) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      waiting.done(
        'ranked' in answer ? Promise.resolve(answer.ranked) : this.inThisThread(waiting.request, answer.error),
      );
    });
    const ended = (error?: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.endedAt = Date.now();
      this.logger?.error({ err: error }, 'similar reports: the ranking thread ended; ranking in the hub thread');
      this.failAll();
    };
    worker.on('error', ended);
    worker.on('exit', (code) => ended(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(): void {
    for (const [id, waiting] of this.waiting) {
      this.waiting.delete(id);
      waiting.done(this.inThisThread(waiting.request));
    }
  }

  private inThisThread({ query, family, scan }: RankRequest, error?: string): Promise<number[]> {
    if (error)
      this.logger?.error({ error }, 'similar reports: ranking failed in its thread; ranking in the hub thread');
    return this.fallback.rank(query, family, scan);
  }
}
