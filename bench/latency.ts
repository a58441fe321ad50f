import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sampleReport } from '../hub/src/testing/sample-report';
import { WebhookSink } from './drills/sink';
import { waitFor } from './drills/visitors';
import { type Checkout, startHub } from './hub-process';

export interface LatencyFigures {
  acknowledged: number;
  delivered: number;
  /** Reports that arrived at the sink under more than one Idempotency-Key: must be 0. */
  duplicates: number;
  /** From the hub's 201 to the report's arrival at the sink, in ms. */
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * How long an acknowledged report takes to reach its destination while
 * reports keep coming: the hub with its outbox worker on, delivering to a
 * local webhook sink, under 50 connections filing for `seconds`. Each
 * report's time runs from the 201 the client received to the sink's receipt.
 */
export async function measureDeliveryLatency(seconds = 10, checkout?: Checkout): Promise<LatencyFigures> {
  const sink = new WebhookSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-latency-'));
  try {
    const hub = await startHub(dataDir, { webhookUrl: await sink.start(), ...(checkout && { checkout }) });
    const ackedAt = new Map<string, number>();
    try {
      await autocannon({
        url: `${hub.url}/api/v1/reports`,
        connections: 50,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(sampleReport),
            onResponse: (status, body) => {
              if (status === 201) ackedAt.set((JSON.parse(body) as { trackingId: string }).trackingId, Date.now());
            },
          },
        ],
      });
      await waitFor(() => [...ackedAt.keys()].every((id) => sink.arrivedAt.has(id)), 120_000);
    } finally {
      await hub.stop();
    }
    const latencies = [...ackedAt]
      .map(([id, acked]) => (sink.arrivedAt.get(id) ?? Number.POSITIVE_INFINITY) - acked)
      .sort((a, b) => a - b);
    return {
      acknowledged: ackedAt.size,
      delivered: latencies.filter(Number.isFinite).length,
      duplicates: sink.duplicates().length,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    };
  } finally {
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
