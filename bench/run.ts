import { cpus, totalmem } from 'node:os';
import { compareWith } from './compare';
import { measureHello, measureRoutes, measureRoutesOnPostgres } from './http';
import { measureDeliveryLatency } from './latency';
import { measureMonitor } from './monitor';
import { measurePaidSizes, measurePhone } from './phone';
import { measurePolls } from './polls';
import { measureRender } from './render';
import { LAPOR_HISTORY, replayHistory } from './replay';
import { measureLookupAt } from './scale';
import { measureSizes, WIDGET_BUDGET_BYTES, WIDGET_GOAL_BYTES } from './size';
import { printTable } from './table';

/**
 * `npm run bench`: every figure measured in this run on this machine, and
 * timings given as ratios to a baseline measured in the same run, since
 * absolute figures drift between runs and machines. `BENCH_SECONDS` sets the
 * length of each load (10 by default), `BENCH_STORED` the large table (1,000,000).
 * `--against <git ref>` measures instead this checkout's hub beside the hub at
 * that ref (compare.ts); `--replay [count]` files SP4N-LAPOR!'s history (replay.ts).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const stored = Number(process.env.BENCH_STORED ?? 1_000_000);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;
const goal = (met: boolean, text: string) => `${met ? 'met' : 'NOT MET'}: ${text}`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const against = process.argv.indexOf('--against');
if (against > 0) {
  const ref = process.argv[against + 1];
  if (!ref) throw new Error('--against needs a git ref, e.g. --against v1.0 or --against 0832971');
  await compareWith(ref, seconds);
  process.exit();
}

const replay = process.argv.indexOf('--replay');
if (replay > 0) {
  const count = Number(process.argv[replay + 1] ?? LAPOR_HISTORY);
  const figures = await replayHistory(count);
  const seconds = figures.fileSeconds + figures.drainSeconds;
  const lookup = (f: { p50: number; p99: number; rps: number }) =>
    `p50 ${f.p50} ms, p99 ${f.p99} ms, ${int(f.rps)} req/s`;
  console.log(
    `Replay of ${int(count)} reports, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`,
  );
  printTable(
    ['measure', 'figure', 'against'],
    [
      [
        'filed through POST /api/v1/reports, 50 connections',
        `${int(figures.filed)} of ${int(count)}`,
        `${int(figures.filed / figures.fileSeconds)} reports/s`,
      ],
      [
        'wall time, first filing to the last report delivered',
        `${(seconds / 60).toFixed(1)} min`,
        `${count === LAPOR_HISTORY ? goal(seconds <= 180, 'under 3 minutes') : `the goal, under 3 minutes, is for ${int(LAPOR_HISTORY)}`}; filing ${figures.fileSeconds.toFixed(0)} s, then delivering the rest ${figures.drainSeconds.toFixed(0)} s`,
      ],
      [
        'delivered to the local webhook',
        int(figures.delivered),
        `${figures.duplicates} twice; should be all, none twice`,
      ],
      ['answers other than 201, errors, timeouts', int(figures.failures), 'should be 0'],
      [
        'hub RSS: idle, peak, at the end',
        `${mb(figures.peakRss)}`,
        `idle ${mb(figures.idleRss)}, at the end ${mb(figures.endRss)}`,
      ],
      ['lookups after the first 1,000 reports', `p99 ${figures.lookupStart.p99} ms`, lookup(figures.lookupStart)],
      [
        'lookups at the end, over the whole history',
        `p99 ${figures.lookupEnd.p99} ms`,
        `${lookup(figures.lookupEnd)}; p50 ${(figures.lookupEnd.p50 / Math.max(figures.lookupStart.p50, 1)).toFixed(2)} × the start`,
      ],
    ],
  );
  const lost = figures.filed !== count || figures.delivered !== figures.filed || figures.duplicates > 0;
  if (lost || figures.failures > 0 || figures.lookupEnd.failures + figures.lookupStart.failures > 0)
    process.exitCode = 1;
  process.exit();
}

console.log(
  `lapor-embed benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} RAM\n`,
);

const sizes = await measureSizes();
const paid = measurePaidSizes();
const render = await measureRender(20);
const phone = await measurePhone(5, 20);
const hello = await measureHello(seconds);
const http = { hello, ...(await measureRoutes(seconds)) };
const pg = await measureRoutesOnPostgres(seconds);
const small = await measureLookupAt(1_000, seconds);
const large = await measureLookupAt(stored, seconds);
const latency = await measureDeliveryLatency(seconds);
const polls = await measurePolls(seconds, stored);
const monitor = await measureMonitor(seconds, stored);

const within = (bytes: number, limit: number, what: string) => goal(bytes <= limit, `≤ ${kb(limit)} ${what}`);
const postShare = http.post.rps / http.hello.rps;
const lookupShare = http.lookup.rps / http.hello.rps;
const scaleRatio = large.lookup.p50 / Math.max(small.lookup.p50, 1e-9);
const peaks: [string, number][] = [
  ['hot routes, SQLite', http.peakRss],
  ['1,000 reports', small.peakRss],
  [`${int(stored)} reports`, large.peakRss],
  ['PostgreSQL', pg?.peakRss ?? 0],
  [`a poll of ${int(polls.counted)} votes`, polls.peakRss],
  [`public monitoring of ${int(stored)} reports`, monitor.peakRss],
];
const [peakHub, peakRss] = peaks.reduce((a, b) => (b[1] > a[1] ? b : a));
const onPostgres = (route: 'post' | 'lookup', what: string): string[] => {
  if (!pg)
    return [`${what} on PostgreSQL`, 'not measured', 'no PostgreSQL server (run under scripts/with-postgres.sh)'];
  const figures = pg[route];
  return [
    `${what} on PostgreSQL (same machine, 50 connections)`,
    `${int(figures.rps)} req/s`,
    `${pct(figures.rps, http.hello.rps)} of bare Hono, ${(figures.rps / http[route].rps).toFixed(2)} × SQLite; p50 ${figures.p50} ms, p99 ${figures.p99} ms`,
  ];
};

printTable(
  ['measure', 'figure', 'against'],
  [
    [
      '<lapor-form> alone, Lit included (lapor-form.js, min+gzip)',
      kb(sizes.form),
      within(sizes.form, WIDGET_GOAL_BYTES, 'goal'),
    ],
    [
      '<lapor-tracker> alone (lapor-tracker.js, min+gzip)',
      kb(sizes.tracker),
      within(sizes.tracker, WIDGET_GOAL_BYTES, 'goal'),
    ],
    [
      'both elements (lapor.js, min+gzip)',
      kb(sizes.widget),
      `${within(sizes.widget, WIDGET_BUDGET_BYTES, 'budget')} (the bundle alone; the goal now counts what a page pays, below)`,
    ],
    ['English translations, only on English pages (min+gzip)', kb(sizes.english), ''],
    ...paid.rows.map(({ what, bytes, limit, note }) => [
      `as paid: ${what}`,
      kb(bytes),
      Number.isFinite(limit) ? within(bytes, limit, 'goal') : (note ?? ''),
    ]),
    [
      "<lapor-monitor>'s map when shown: the provinces (GET /api/v1/public/map/id, gzip)",
      kb(sizes.map.country),
      `the largest province's regencies ${kb(sizes.map.largestProvince)}; neither is loaded until the visitor asks for the map`,
    ],
    ['Lit alone, for reference (min+gzip)', kb(sizes.lit), `${pct(sizes.lit, sizes.widget)} of lapor.js`],
    [
      `first render of <lapor-form>, 4× CPU throttling (median of ${render.loads})`,
      `${render.form.toFixed(0)} ms`,
      `${(render.form / render.lit).toFixed(2)} × a bare Lit element (${render.lit.toFixed(0)} ms)`,
    ],
    [
      `demo page to a form with its lists loaded, slow 3G (400 ms, 400 kbit/s) and 4× CPU (median of ${phone.loads})`,
      `${(phone.usable / 1000).toFixed(2)} s`,
      'was 2.2–2.3 s: keep it near what the round trips allow',
    ],
    [
      `proof of work at the default difficulty, 4× CPU (mean of ${phone.proof.puzzles} puzzles)`,
      `${(phone.proof.mean / 1000).toFixed(2)} s`,
      `${goal(phone.proof.mean < 1000, '< 1 s on average')}; the slowest ${(phone.proof.max / 1000).toFixed(2)} s; solved while the visitor types`,
    ],
    [
      'bare Hono hello-world, 50 connections (baseline)',
      `${int(http.hello.rps)} req/s`,
      `p50 ${http.hello.p50} ms, p99 ${http.hello.p99} ms`,
    ],
    [
      'POST /api/v1/reports on SQLite, 50 connections',
      `${int(http.post.rps)} req/s`,
      `${pct(http.post.rps, http.hello.rps)} of bare Hono, ${goal(postShare >= 0.15, '≥ 15 %')}; p50 ${http.post.p50} ms, p99 ${http.post.p99} ms, ${goal(http.post.p99 < 25, 'p99 < 25 ms')}`,
    ],
    [
      'GET /api/v1/reports/{id} on SQLite, 50 connections',
      `${int(http.lookup.rps)} req/s`,
      `${pct(http.lookup.rps, http.hello.rps)} of bare Hono, ${goal(lookupShare >= 0.3, '≥ 30 %')}; p50 ${http.lookup.p50} ms, p99 ${http.lookup.p99} ms, ${goal(http.lookup.p99 < 25, 'p99 < 25 ms')}`,
    ],
    onPostgres('post', 'POST /api/v1/reports'),
    onPostgres('lookup', 'GET /api/v1/reports/{id}'),
    [
      `lookup with ${int(stored)} reports stored against 1,000 (p50, 50 connections)`,
      `${large.lookup.p50} ms / ${small.lookup.p50} ms`,
      `${scaleRatio.toFixed(2)} ×, ${goal(scaleRatio <= 1.2, '≤ 1.2')}; ${int(large.lookup.rps)} against ${int(small.lookup.rps)} req/s; seeded in ${large.seedSeconds.toFixed(1)} s`,
    ],
    [
      'delivery: a 201 to its arrival at a local webhook, while filing at 50 connections (SQLite)',
      `p99 ${(latency.p99 / 1000).toFixed(1)} s`,
      `${goal(latency.p99 < 5000, 'p99 < 5 s')}; p50 ${(latency.p50 / 1000).toFixed(1)} s, max ${(latency.max / 1000).toFixed(1)} s; ${int(latency.delivered)} of ${int(latency.acknowledged)} delivered, ${latency.duplicates} twice`,
    ],
    [
      'POST /api/v1/polls/{id}/votes on SQLite, each from a new device, 50 connections',
      `${int(polls.votes.rps)} req/s`,
      `${pct(polls.votes.rps, http.hello.rps)} of bare Hono; p50 ${polls.votes.p50} ms, p99 ${polls.votes.p99} ms`,
    ],
    [
      `a closed poll's results, ${int(polls.counted)} votes (GET /api/v1/polls/{id}, 50 connections)`,
      `p99 ${polls.results.p99} ms`,
      `${goal(polls.results.p99 < 50, 'p99 < 50 ms')}; p50 ${polls.results.p50} ms, ${int(polls.results.rps)} req/s; the first answer, which counts the votes once, ${(polls.firstAnswerMs / 1000).toFixed(2)} s; seeded in ${polls.seedSeconds.toFixed(1)} s`,
    ],
    ...monitor.loads.map(({ what, figures }) => [
      `public monitoring, ${int(stored)} reports: ${what} (50 connections)`,
      `p95 ${figures.p95} ms`,
      `${goal(figures.p95 < 50, 'p95 < 50 ms')}; p50 ${figures.p50} ms, p97.5 ${figures.p97_5} ms, p99 ${figures.p99} ms, ${int(figures.rps)} req/s`,
    ]),
    ...monitor.open311.map(({ what, requests, slowestMs, medianMs }) => [
      `Open311 GET requests at ${int(stored)} reports: ${what} (${int(requests)} service requests)`,
      `${Math.round(slowestMs)} ms`,
      `${goal(slowestMs < 1000 && requests === 1000, '1,000 answered in < 1 s')} (the slowest of five); median ${Math.round(medianMs)} ms`,
    ]),
    [
      `open data: an institution's ${int(monitor.export.rows)} published reports as CSV (one request)`,
      `+${mb(monitor.export.rssGrowth)} RSS`,
      `${goal(monitor.export.rssGrowth < 20 * 1024 * 1024, 'growth < 20 MB')}; streamed in ${monitor.export.seconds.toFixed(1)} s; ${int(stored)} reports seeded in ${monitor.seedSeconds.toFixed(0)} s`,
    ],
    [
      'hub RSS at idle, 3 s after start (SQLite)',
      mb(http.idleRss),
      goal(http.idleRss <= 100 * 1024 * 1024, '≤ 100 MB'),
    ],
    [
      'hub peak RSS under these loads',
      mb(peakRss),
      `${goal(peakRss <= 150 * 1024 * 1024, '≤ 150 MB')}; the hub of ${peakHub} (${peaks.map(([, rss]) => mb(rss)).join(', ')})`,
    ],
    [
      'answers outside 2xx during the loads',
      String(
        http.post.failures +
          http.lookup.failures +
          small.lookup.failures +
          large.lookup.failures +
          polls.votes.failures +
          polls.results.failures +
          monitor.loads.reduce((all, { figures }) => all + figures.failures, 0) +
          (pg ? pg.post.failures + pg.lookup.failures : 0),
      ),
      'should be 0',
    ],
  ],
);
// The hard budget: what a visitor pays for an element, or both, on any page.
if (paid.rows.some(({ bytes, limit }) => bytes > limit)) process.exitCode = 1;
