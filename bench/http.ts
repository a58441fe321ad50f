import { sampleReport } from '../hub/src/testing/sample-report';
import { fileReport } from './file-report';
import { startNode, withMeasuredHub } from './hub-process';
import { type LoadFigures, load, lookupPath } from './load';

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
    helloFigures = await load(hello.url, { seconds });
  } finally {
    await hello.stop();
  }
  return withMeasuredHub(
    () => undefined,
    async (hub) => {
      const post = await load(`${hub.url}/api/v1/reports`, {
        method: 'POST',
        body: JSON.stringify(sampleReport),
        headers: { 'Content-Type': 'application/json' },
        seconds,
      });
      const ids: string[] = [];
      for (let i = 0; i < 500; i++) ids.push(await fileReport(hub.url));
      const lookup = await load(hub.url, { path: lookupPath(ids), seconds });
      return { hello: helloFigures, post, lookup, peakRss: hub.peakRss() };
    },
  );
}
