import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from './hub-process';
import { type LoadFigures, load } from './load';
import { seedReports } from './seed';

export interface ScaleFigures {
  stored: number;
  lookup: LoadFigures;
  seedSeconds: number;
  peakRss: number;
}

/** Lookups of reports spread over the whole table, at 50 connections, in a hub holding `stored` reports. */
export async function measureLookupAt(stored: number, seconds = 10): Promise<ScaleFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-scale-'));
  try {
    const started = Date.now();
    const sample = seedReports(dataDir, stored);
    const seedSeconds = (Date.now() - started) / 1000;
    const hub = await startHub(dataDir, { env: { OUTBOX_WORKER: 'off' } });
    try {
      const path = () => `/api/v1/reports/${sample[Math.floor(Math.random() * sample.length)]}`;
      await load(hub.url, { path, seconds: 2 });
      const lookup = await load(hub.url, { path, seconds });
      return { stored, lookup, seedSeconds, peakRss: hub.peakRss() };
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
