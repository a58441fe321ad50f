import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from '../hub/src/testing/sample-report';
import { testDatabase } from '../hub/src/testing/test-database';
import { fileReport } from './file-report';
import { type Checkout, type RunningProcess, startNode, withMeasuredHub } from './hub-process';
import { type LoadFigures, load, lookupPath } from './load';

export interface RouteFigures {
  post: LoadFigures;
  lookup: LoadFigures;
  /** The hub's peak resident memory over both loads, in bytes. */
  peakRss: number;
  /** The hub's resident memory 3 s after start, before any load, in bytes. */
  idleRss: number;
  /** From spawning the hub to its first answer, in ms. */
  startMs: number;
}

/** The baseline: a bare Hono hello-world served by @hono/node-server, loaded the same way as the hub. */
export async function measureHello(seconds = 10): Promise<LoadFigures> {
  const hello = await startNode('bench/hello-hono.ts', {});
  try {
    return await load(hello.url, { seconds });
  } finally {
    await hello.stop();
  }
}

/**
 * The hub's two hot routes under 50 connections on loopback. The hub runs as
 * `npm start` runs it, without its outbox worker (delivery is not part of
 * answering a report), without proof of work and with rate limits raised;
 * `env` may point it at PostgreSQL (DATABASE_URL), and `checkout` run
 * another version of the hub (bench/against.ts).
 */
export function measureRoutes(
  seconds = 10,
  env: Record<string, string> = {},
  checkout?: Checkout,
): Promise<RouteFigures> {
  return withMeasuredHub(
    () => undefined,
    async (hub) => {
      const idleRss = await settledRss(hub);
      return { ...(await loadHotRoutes(hub.url, seconds)), peakRss: hub.peakRss(), idleRss, startMs: hub.startMs };
    },
    env,
    checkout,
  );
}

/** The hub's resident memory once its start-up work has settled (3 s after it first answers), before any load. */
async function settledRss(hub: RunningProcess): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return hub.rss();
}

/** Files reports at full speed, then looks up 500 freshly filed ones at random, as the public. */
async function loadHotRoutes(url: string, seconds: number): Promise<{ post: LoadFigures; lookup: LoadFigures }> {
  const post = await load(`${url}/api/v1/reports`, {
    method: 'POST',
    body: JSON.stringify(sampleReport),
    headers: { 'Content-Type': 'application/json' },
    seconds,
  });
  const ids: string[] = [];
  for (let i = 0; i < 500; i++) ids.push(await fileReport(url));
  const lookup = await load(url, { path: lookupPath(ids), seconds });
  return { post, lookup };
}

/** The same on a fresh database of the PostgreSQL server HUB_TEST_POSTGRES names; undefined without one. */
export async function measureRoutesOnPostgres(seconds = 10): Promise<RouteFigures | undefined> {
  if (!process.env.HUB_TEST_POSTGRES) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lapor-bench-pg-'));
  const database = await testDatabase(dir);
  try {
    return await measureRoutes(seconds, { DATABASE_URL: database.url });
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
