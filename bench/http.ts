import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from '../hub/src/testing/sample-report';
import { fileReport } from './file-report';
import { startHub, startNode } from './hub-process';
import { type LoadFigures, load } from './load';

export interface HttpFigures {
  hello: LoadFigures;
  post: LoadFigures;
  lookup: LoadFigures;
  /** The hub's peak resident memory over both loads, in bytes. */
  peakRss: number;
}

/**
 * The hub's two hot routes under 50 connections on loopback, beside a bare
 * Hono hello-world served the same way in the same run. The hub runs as
 * `npm start` runs it, without its outbox worker (delivery is not part of
 * answering a report), without proof of work and with rate limits raised.
 */
export async function measureHttp(seconds = 10): Promise<HttpFigures> {
  const hello = await startNode('bench/hello-hono.ts', {});
  let helloFigures: LoadFigures;
  try {
    await load(hello.url, { seconds: 2 }); // warm-up
    helloFigures = await load(hello.url, { seconds });
  } finally {
    await hello.stop();
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-bench-'));
  const hub = await startHub(dataDir, { env: { OUTBOX_WORKER: 'off' } });
  try {
    const post = {
      method: 'POST' as const,
      body: JSON.stringify(sampleReport),
      headers: { 'Content-Type': 'application/json' },
    };
    await load(`${hub.url}/api/v1/reports`, { ...post, seconds: 2 });
    const postFigures = await load(`${hub.url}/api/v1/reports`, { ...post, seconds });
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) ids.push(await fileReport(hub.url));
    const path = () => `/api/v1/reports/${ids[Math.floor(Math.random() * ids.length)]}`;
    await load(hub.url, { path, seconds: 2 });
    const lookupFigures = await load(hub.url, { path, seconds });
    return { hello: helloFigures, post: postFigures, lookup: lookupFigures, peakRss: hub.peakRss() };
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
