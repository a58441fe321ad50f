import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** A free TCP port on loopback, as the system hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The process's peak resident memory so far (Linux `VmHWM`), in bytes. */
  peakRss(): number;
  /** The process's resident memory now (Linux `VmRSS`), in bytes. */
  rss(): number;
  /** Milliseconds from spawning the process to its first answer. */
  startMs: number;
  /** Ends it gracefully (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** Ends it the hard way, as a crash or a power cut would from the process's point of view. */
  kill(): Promise<void>;
}

/** Starts a Node script (TypeScript through tsx), on `port`, and waits until `readyPath` answers 200. */
export async function startNode(
  script: string,
  {
    port,
    env = {},
    readyPath = '/',
    log,
    cwd = root,
    nodeArgs = [],
  }: {
    port?: number;
    env?: Record<string, string>;
    readyPath?: string;
    log?: string;
    cwd?: string;
    /** Options for node itself, e.g. `--cpu-prof` (which NODE_OPTIONS does not take). */
    nodeArgs?: string[];
  },
): Promise<RunningProcess> {
  const chosen = port ?? (await freePort());
  const spawned = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script], {
    cwd,
    env: { ...process.env, ...env, PORT: String(chosen), HOST: '127.0.0.1' },
    stdio: ['ignore', log ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  if (log && child.stdout) child.stdout.pipe(createWriteStream(log, { flags: 'a' }));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(url + readyPath)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${script} did not answer ${readyPath} within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - spawned;
  const status = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) *
    1024;
  return {
    url,
    port: chosen,
    child,
    startMs,
    peakRss: () => status('VmHWM'),
    rss: () => status('VmRSS'),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Another version's hub (bench/against.ts): the folder it is checked out in, and the script that starts it. */
export interface Checkout {
  dir: string;
  script: string;
}

/** Hub settings for a measurement: no proof of work and rate limits out of reach, as they would throttle the load generator. */
export const BENCH_ENV = {
  POW_MAX_NUMBER: '0',
  RATE_LIMIT_REPORTS_PER_HOUR: '1000000000',
  RATE_LIMIT_REPORTS_PER_HOUR_PER_SITE: '1000000000',
  RATE_LIMIT_LOOKUPS_PER_MINUTE: '1000000000',
  RATE_LIMIT_VOTES_PER_HOUR: '1000000000',
};

/**
 * Starts the hub as `npm start` runs it (the build in dist/hub) on its own data
 * folder, with every report routed to one webhook destination.
 */
export function startHub(
  dataDir: string,
  {
    webhookUrl = 'http://127.0.0.1:9/',
    env = {},
    port,
    log,
    checkout,
    nodeArgs,
  }: {
    webhookUrl?: string;
    nodeArgs?: string[];
    env?: Record<string, string>;
    port?: number;
    log?: string;
    /** Another checkout's hub (bench/against.ts). */
    checkout?: Checkout;
  } = {},
): Promise<RunningProcess> {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'destinations.json'),
    JSON.stringify({
      destinations: [{ type: 'webhook', name: 'sink', url: webhookUrl, secret: 'bench-webhook-secret-0123456789' }],
      default: 'sink',
    }),
  );
  return startNode(checkout?.script ?? 'dist/hub/server.js', {
    port,
    log,
    ...(checkout && { cwd: checkout.dir }),
    nodeArgs: [...startFlags(checkout?.dir ?? root), ...(nodeArgs ?? [])],
    readyPath: '/api/v1/categories',
    env: { DATA_DIR: dataDir, ...BENCH_ENV, ...env },
  });
}

/** The options `npm start` gives Node in `dir`'s package.json (e.g. the young generation's size). */
function startFlags(dir: string): string[] {
  const start: string = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.start ?? '';
  return (
    /\bnode((?: --[\w-]+(?:=\S+)?)*) dist\/hub\/server\.js/.exec(start)?.[1]?.trim().split(' ').filter(Boolean) ?? []
  );
}

/**
 * A hub for a measurement on a fresh data folder, filled first by `prepare`,
 * answering the API only (delivering is not part of answering), then cleared away.
 */
export async function withMeasuredHub<P, R>(
  prepare: (dataDir: string) => P | Promise<P>,
  run: (hub: RunningProcess, prepared: P) => Promise<R>,
  env: Record<string, string> = {},
  checkout?: Checkout,
): Promise<R> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-bench-'));
  try {
    const prepared = await prepare(dataDir);
    const hub = await startHub(dataDir, { env: { OUTBOX_WORKER: 'off', ...env }, ...(checkout && { checkout }) });
    try {
      return await run(hub, prepared);
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
