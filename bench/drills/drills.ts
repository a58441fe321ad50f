import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../../hub/src/testing/test-database';
import { freePort, type RunningProcess, startHub } from '../hub-process';
import { WebhookSink } from './sink';
import { type Crowd, crowd, sleep, waitFor } from './visitors';

export interface DrillScale {
  clients: number;
  soakSeconds: number;
  crashes: number;
  /** Longest run between two crashes; each is drawn between half of it and all of it. */
  crashEverySeconds: number;
  outageSeconds: number;
}

export const SMALL: DrillScale = { clients: 5, soakSeconds: 15, crashes: 4, crashEverySeconds: 3, outageSeconds: 10 };
export const FULL: DrillScale = {
  clients: 50,
  soakSeconds: 600,
  crashes: 20,
  crashEverySeconds: 6,
  outageSeconds: 120,
};

export interface DrillResult {
  name: string;
  figures: string;
  problems: string[];
}

/** How long the hub may take to deliver everything after the load: its retries back off up to minutes. */
const DRAIN_TIMEOUT_MS = 10 * 60_000;

/**
 * Hubs delivering to a sink, each on its own data folder and port, started
 * again on the same port and data after a crash: one hub on SQLite, or
 * several sharing a PostgreSQL database (`env` names it, and the data key
 * they must share).
 */
async function setUp({ hubs: count = 1, env = {} }: { hubs?: number; env?: Record<string, string> } = {}) {
  const sink = new WebhookSink();
  const webhookUrl = await sink.start();
  const root = mkdtempSync(join(tmpdir(), 'lapor-drill-'));
  const starters = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const dataDir = join(root, `hub-${i}`);
      const port = await freePort();
      return () => startHub(dataDir, { webhookUrl, port, log: join(root, `hub-${i}.log`), env });
    }),
  );
  const hubs: RunningProcess[] = [];
  for (const start of starters) hubs.push(await start());
  let turn = 0;
  return {
    sink,
    /** The first hub, which is never killed: where the drill checks what was stored. */
    url: () => hubs[0]?.url ?? '',
    /** The hubs in turn, as a load balancer without health checks would send visitors. */
    nextUrl: () => hubs[turn++ % hubs.length]?.url ?? '',
    hub: () => hubs[0] as RunningProcess,
    async restart(index = 0) {
      await hubs[index]?.kill();
      hubs[index] = await (starters[index] as () => Promise<RunningProcess>)();
    },
    async tearDown() {
      await Promise.all(hubs.map((hub) => hub.stop()));
      await sink.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * What must hold after every drill: each report the hub acknowledged is
 * there to look up and reached the destination exactly once (one
 * Idempotency-Key), and nothing else arrived.
 */
async function check(setup: Setup, seen: Crowd, problems: string[]) {
  const { sink } = setup;
  const started = Date.now();
  const drained = await waitFor(() => seen.acknowledged.every((id) => sink.reports.has(id)), DRAIN_TIMEOUT_MS);
  const drainSeconds = (Date.now() - started) / 1000;
  if (!drained) {
    const missing = seen.acknowledged.filter((id) => !sink.reports.has(id));
    problems.push(`${missing.length} acknowledged reports never reached the destination (e.g. ${missing[0]})`);
  }
  const duplicates = sink.duplicates();
  if (duplicates.length) problems.push(`${duplicates.length} reports delivered twice under different keys`);
  const acknowledged = new Set(seen.acknowledged);
  const unknown = [...sink.reports.keys()].filter((id) => !acknowledged.has(id));
  // A report committed but whose 201 was lost to a crash may be delivered though never acknowledged: fine.
  let missing = 0;
  for (let i = 0; i < seen.acknowledged.length; i += 20) {
    const batch = seen.acknowledged.slice(i, i + 20);
    const answers = await Promise.all(batch.map((id) => fetch(`${setup.url()}/api/v1/reports/${id}`)));
    for (const answer of answers) {
      if (answer.status !== 200) missing++;
      await answer.body?.cancel();
    }
  }
  if (missing) problems.push(`${missing} acknowledged reports cannot be looked up`);
  if (seen.serverErrors) problems.push(`${seen.serverErrors} answers were 5xx`);
  if (seen.lostOnLookup) problems.push(`${seen.lostOnLookup} lookups of acknowledged reports found nothing`);
  return { drainSeconds, unacknowledgedDelivered: unknown.length };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** Runs one drill on a fresh hub (or hubs) and destination, and clears them away after. */
async function drill(
  run: (setup: Setup, problems: string[]) => Promise<Omit<DrillResult, 'problems'>>,
  hubs?: Parameters<typeof setUp>[0],
): Promise<DrillResult> {
  const setup = await setUp(hubs);
  const problems: string[] = [];
  try {
    return { ...(await run(setup, problems)), problems };
  } finally {
    await setup.tearDown();
  }
}

/** Visitors post and look up for a while: no 5xx, every acknowledged report present and delivered once. */
export const soak = (scale: DrillScale) =>
  drill(async (setup, problems) => {
    const seen = await crowd(scale.clients, setup.url, sleep(scale.soakSeconds * 1000));
    const rss = setup.hub().peakRss();
    const { drainSeconds } = await check(setup, seen, problems);
    return {
      name: `soak: ${scale.clients} visitors for ${scale.soakSeconds} s`,
      figures: `${seen.acknowledged.length} reports acknowledged (${(seen.acknowledged.length / scale.soakSeconds).toFixed(0)}/s), ${seen.lookups} lookups, ${seen.serverErrors} 5xx; delivered within ${drainSeconds.toFixed(1)} s after the load; peak RSS ${Math.round(rss / 1048576)} MB`,
    };
  });

/** kill -9 during load, again and again: every acknowledged report survives and is delivered exactly once. */
export const crash = (scale: DrillScale) =>
  drill(async (setup, problems) => {
    let crashes = 0;
    const done = (async () => {
      for (; crashes < scale.crashes; crashes++) {
        await sleep((0.5 + Math.random() / 2) * scale.crashEverySeconds * 1000);
        await setup.restart();
      }
      await sleep(scale.crashEverySeconds * 500);
    })();
    const seen = await crowd(scale.clients, setup.url, done);
    const { drainSeconds, unacknowledgedDelivered } = await check(setup, seen, problems);
    return {
      name: `crash: kill -9 of the hub ${crashes} times under ${scale.clients} visitors`,
      figures: `${seen.acknowledged.length} reports acknowledged, ${seen.unanswered} requests unanswered while it was down; delivered within ${drainSeconds.toFixed(1)} s after the last restart; ${setup.sink.resent} re-sends recognised by their Idempotency-Key; ${unacknowledgedDelivered} committed reports whose answer was lost to a crash`,
    };
  });

/** The destination is down for a while, then back: all delivered, none twice, and how fast the backlog drains. */
export const outage = (scale: DrillScale) =>
  drill(async (setup, problems) => {
    setup.sink.down = true;
    const seen = await crowd(scale.clients, setup.url, sleep(scale.outageSeconds * 1000));
    const backlog = seen.acknowledged.filter((id) => !setup.sink.reports.has(id)).length;
    setup.sink.down = false;
    const { drainSeconds } = await check(setup, seen, problems);
    if (backlog < seen.acknowledged.length) problems.push('reports reached the destination while it was down');
    return {
      name: `outage: the destination down for ${scale.outageSeconds} s under ${scale.clients} visitors`,
      figures: `a backlog of ${backlog} reports drained ${drainSeconds.toFixed(1)} s after the destination came back (${(backlog / Math.max(drainSeconds, 0.001)).toFixed(0)}/s, retries back off from 5 s with jitter)`,
    };
  });

/**
 * Two hub processes on one PostgreSQL database, visitors sent to each in
 * turn, and the second killed with kill -9 again and again: every report
 * either acknowledged is present, and every delivery happens once although
 * both processes work the outbox. Needs a PostgreSQL server
 * (HUB_TEST_POSTGRES, as scripts/with-postgres.sh sets it).
 */
export const scaleOut = async (scale: DrillScale): Promise<DrillResult> => {
  const name = `scale-out: 2 hubs on PostgreSQL, one killed ${scale.crashes} times, under ${scale.clients} visitors`;
  if (!process.env.HUB_TEST_POSTGRES) {
    return { name, figures: 'skipped: no PostgreSQL (run under scripts/with-postgres.sh)', problems: [] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lapor-drill-pg-'));
  const database = await testDatabase(dir);
  try {
    const env = { DATABASE_URL: database.url, LAPOR_DATA_KEYS: `drill:${randomBytes(32).toString('base64')}` };
    return await drill(
      async (setup, problems) => {
        let crashes = 0;
        const done = (async () => {
          for (; crashes < scale.crashes; crashes++) {
            await sleep((0.5 + Math.random() / 2) * scale.crashEverySeconds * 1000);
            await setup.restart(1);
          }
          await sleep(scale.crashEverySeconds * 500);
        })();
        const seen = await crowd(scale.clients, setup.nextUrl, done);
        const { drainSeconds, unacknowledgedDelivered } = await check(setup, seen, problems);
        return {
          name,
          figures: `${seen.acknowledged.length} reports acknowledged by the two, ${seen.unanswered} requests unanswered by the killed one; delivered within ${drainSeconds.toFixed(1)} s after the last restart; ${setup.sink.resent} re-sends recognised by their Idempotency-Key; ${unacknowledgedDelivered} committed reports whose answer was lost to a crash`,
        };
      },
      { hubs: 2, env },
    );
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
};
