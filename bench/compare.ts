import { type CheckedOut, checkOut, measureVersion, type VersionFigures } from './against';
import { measureHello } from './http';
import { printTable } from './table';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The mean of each figure over the rounds. */
function averaged(runs: VersionFigures[]) {
  return {
    startMs: mean(runs.map((r) => r.startMs)),
    idleRss: mean(runs.map((r) => r.idleRss)),
    peakRss: mean(runs.map((r) => r.peakRss)),
    postRps: mean(runs.map((r) => r.post.rps)),
    postP99: mean(runs.map((r) => r.post.p99)),
    lookupRps: mean(runs.map((r) => r.lookup.rps)),
    lookupP99: mean(runs.map((r) => r.lookup.p99)),
    deliveryP50: mean(runs.map((r) => r.delivery.p50)),
    deliveryP99: mean(runs.map((r) => r.delivery.p99)),
    undelivered: runs.reduce((n, r) => n + r.delivery.acknowledged - r.delivery.delivered + r.delivery.duplicates, 0),
    failures: runs.reduce((n, r) => n + r.post.failures + r.lookup.failures, 0),
  };
}

/**
 * `npm run bench -- --against <git ref>`: this checkout's hub and the hub at
 * `ref`, measured in the same run on the same machine, in two rounds in the
 * order ref, this, this, ref (so neither gains from going first or last).
 */
export async function compareWith(ref: string, seconds: number): Promise<void> {
  let checkout: CheckedOut | undefined;
  try {
    checkout = checkOut(ref);
    const hello = await measureHello(seconds);
    const before: VersionFigures[] = [];
    const after: VersionFigures[] = [];
    before.push(await measureVersion(seconds, checkout));
    after.push(await measureVersion(seconds));
    after.push(await measureVersion(seconds));
    before.push(await measureVersion(seconds, checkout));
    const [b, a] = [averaged(before), averaged(after)];
    const ratio = (now: number, then: number) => `${(now / then).toFixed(2)} ×`;
    console.log(
      `This checkout against ${ref} (${checkout.script}), SQLite, mean of 2 rounds; bare Hono ${int(hello.rps)} req/s\n`,
    );
    printTable(
      ['measure', ref, 'this checkout', 'this / then'],
      [
        ['start, spawn to first answer', `${int(b.startMs)} ms`, `${int(a.startMs)} ms`, ratio(a.startMs, b.startMs)],
        ['RSS at idle, 3 s after start', mb(b.idleRss), mb(a.idleRss), ratio(a.idleRss, b.idleRss)],
        ['peak RSS under the loads', mb(b.peakRss), mb(a.peakRss), ratio(a.peakRss, b.peakRss)],
        [
          'POST /api/v1/reports, 50 connections',
          `${int(b.postRps)} req/s`,
          `${int(a.postRps)} req/s`,
          ratio(a.postRps, b.postRps),
        ],
        ['POST p99', `${int(b.postP99)} ms`, `${int(a.postP99)} ms`, ratio(a.postP99, b.postP99)],
        [
          'GET /api/v1/reports/{id}, 50 connections',
          `${int(b.lookupRps)} req/s`,
          `${int(a.lookupRps)} req/s`,
          ratio(a.lookupRps, b.lookupRps),
        ],
        ['GET p99', `${int(b.lookupP99)} ms`, `${int(a.lookupP99)} ms`, ratio(a.lookupP99, b.lookupP99)],
        [
          'delivery p50, 201 to a local webhook while filing',
          sec(b.deliveryP50),
          sec(a.deliveryP50),
          ratio(a.deliveryP50, b.deliveryP50),
        ],
        ['delivery p99', sec(b.deliveryP99), sec(a.deliveryP99), ratio(a.deliveryP99, b.deliveryP99)],
        ['reports not delivered, or delivered twice', String(b.undelivered), String(a.undelivered), 'should be 0'],
        ['answers outside 2xx', String(b.failures), String(a.failures), 'should be 0'],
      ],
    );
  } finally {
    checkout?.remove();
  }
}
