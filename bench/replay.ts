import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sampleReport } from '../hub/src/testing/sample-report';
import { WebhookSink } from './drills/sink';
import { waitFor } from './drills/visitors';
import { startHub } from './hub-process';
import { type LoadFigures, load, lookupPath } from './load';

/** SP4N-LAPOR!'s reports from its start to January 2019, by the seeds' count. */
export const LAPOR_HISTORY = 1_389_891;

export interface ReplayFigures {
  /** Reports asked to be filed, and those answered 201. */
  asked: number;
  filed: number;
  /** Answers other than 201, connection errors and timeouts: must be 0. */
  failures: number;
  /** From the first filing to the last answer, lookups in between left out. */
  fileSeconds: number;
  /** From the last answer to the last report's arrival at the sink. */
  drainSeconds: number;
  delivered: number;
  /** Reports that arrived under more than one Idempotency-Key: must be 0. */
  duplicates: number;
  idleRss: number;
  peakRss: number;
  endRss: number;
  /** Lookups at 50 connections after the first reports, and over the whole history at the end. */
  lookupStart: LoadFigures;
  lookupEnd: LoadFigures;
}

/** Reports filed before the first lookups, which look them up. */
const FIRST = 1_000;

/**
 * Files `count` reports through the HTTP API at 50 connections into a hub
 * on a fresh SQLite data folder, its outbox delivering to a local webhook
 * sink meanwhile, as the hub runs in production (the limits raised and no
 * proof of work, as everywhere in the bench). Lookups are measured after the
 * first thousand reports and again at the end, over reports from the whole
 * run; the run ends when every acknowledged report has arrived.
 */
export async function replayHistory(count: number, lookupSeconds = 5): Promise<ReplayFigures> {
  if (!Number.isSafeInteger(count) || count < FIRST * 2)
    throw new Error(`--replay needs a count of at least ${FIRST * 2}`);
  const sink = new WebhookSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-replay-'));
  try {
    const hub = await startHub(dataDir, { webhookUrl: await sink.start() });
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const idleRss = hub.rss();
      const filed: string[] = [];
      let failures = 0;
      const file = async (amount: number) => {
        const started = performance.now();
        const result = await autocannon({
          url: `${hub.url}/api/v1/reports`,
          connections: 50,
          amount,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(sampleReport),
              onResponse: (status, body) => {
                if (status === 201) filed.push((JSON.parse(body) as { trackingId: string }).trackingId);
                else failures++;
              },
            },
          ],
        });
        failures += result.errors + result.timeouts;
        return (performance.now() - started) / 1000;
      };

      let fileSeconds = await file(FIRST);
      const lookupStart = await load(hub.url, { path: lookupPath(filed.slice()), seconds: lookupSeconds });
      fileSeconds += await file(count - FIRST);
      const lastAnswer = Date.now();

      await waitFor(() => sink.arrivedAt.size >= filed.length, Math.max(600_000, count));
      let lastArrival = lastAnswer;
      for (const at of sink.arrivedAt.values()) lastArrival = Math.max(lastArrival, at);
      const spread = Array.from({ length: FIRST }, (_, i) => filed[Math.floor((i * filed.length) / FIRST)] ?? '');
      const lookupEnd = await load(hub.url, { path: lookupPath(spread), seconds: lookupSeconds });
      return {
        asked: count,
        filed: filed.length,
        failures,
        fileSeconds,
        drainSeconds: (lastArrival - lastAnswer) / 1000,
        delivered: filed.filter((id) => sink.arrivedAt.has(id)).length,
        duplicates: sink.duplicates().length,
        idleRss,
        peakRss: hub.peakRss(),
        endRss: hub.rss(),
        lookupStart,
        lookupEnd,
      };
    } finally {
      await hub.stop();
    }
  } finally {
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
