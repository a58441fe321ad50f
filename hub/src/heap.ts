import { setFlagsFromString } from 'node:v8';

/** How far V8 lets the heap grow past what a full collection found alive, in per cent. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Keeps the hub's heap near what it holds. Under a steady load of filings
 * most garbage outlives the young generation, and by default V8 lets the old
 * one grow to several times the live data before collecting it: a hub with
 * ~35 MB alive rose to ~300 MB of RSS while its outbox drained 20,000
 * reports, and stayed there. Growing by half instead held it under ~180 MB at
 * the same throughput (bench/replay.ts). A soft limit: unlike
 * --max-old-space-size it never stops a hub that truly needs more. An
 * operator's own `node --heap-growing-percent=…` wins.
 */
export function keepHeapNearLive(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
