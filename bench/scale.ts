import { withMeasuredHub } from './hub-process';
import { type LoadFigures, load, lookupPath } from './load';
import { seedReports } from './seed';

export interface ScaleFigures {
  stored: number;
  lookup: LoadFigures;
  seedSeconds: number;
  peakRss: number;
}

/** Lookups of reports spread over the whole table, at 50 connections, in a hub holding `stored` reports. */
export function measureLookupAt(stored: number, seconds = 10): Promise<ScaleFigures> {
  return withMeasuredHub(
    async (dataDir) => {
      const started = Date.now();
      const sample = await seedReports(dataDir, stored);
      return { sample, seedSeconds: (Date.now() - started) / 1000 };
    },
    async (hub, { sample, seedSeconds }) => {
      const lookup = await load(hub.url, { path: lookupPath(sample), seconds });
      return { stored, lookup, seedSeconds, peakRss: hub.peakRss() };
    },
  );
}
