import { sampleReport } from '../../hub/src/testing/sample-report';

/** What a crowd of visitors saw: every Tracking ID the hub acknowledged, and every server error. */
export interface Crowd {
  acknowledged: string[];
  /** 5xx answers. */
  serverErrors: number;
  /** Requests that got no answer (the hub was down or restarting): nothing was acknowledged. */
  unanswered: number;
  lookups: number;
  /** Lookups of an acknowledged report that did not find it. */
  lostOnLookup: number;
}

/**
 * `clients` visitors, each filing a report and looking up one already filed,
 * again and again until `until` resolves. Only a 201 counts as acknowledged.
 * `hubUrl()` is asked before each request, as the hub may move between restarts.
 */
export async function crowd(clients: number, hubUrl: () => string, until: Promise<void>): Promise<Crowd> {
  const result: Crowd = { acknowledged: [], serverErrors: 0, unanswered: 0, lookups: 0, lostOnLookup: 0 };
  let stopped = false;
  void until.then(() => {
    stopped = true;
  });
  const body = JSON.stringify(sampleReport);
  const visitor = async () => {
    while (!stopped) {
      try {
        const res = await fetch(`${hubUrl()}/api/v1/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status >= 500) result.serverErrors++;
        if (res.status === 201) result.acknowledged.push(((await res.json()) as { trackingId: string }).trackingId);
        else await res.body?.cancel();
        const known = result.acknowledged[Math.floor(Math.random() * result.acknowledged.length)];
        if (!known) continue;
        const lookup = await fetch(`${hubUrl()}/api/v1/reports/${known}`, { signal: AbortSignal.timeout(10_000) });
        result.lookups++;
        if (lookup.status >= 500) result.serverErrors++;
        if (lookup.status === 404) result.lostOnLookup++;
        await lookup.body?.cancel();
      } catch {
        result.unanswered++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, visitor));
  return result;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, checking every 200 ms; false if `timeoutMs` passes first. */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await sleep(200);
  }
  return done();
}
