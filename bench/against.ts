import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHotRoutes, settledRss } from './http';
import { startHub } from './hub-process';
import { type LatencyFigures, measureDeliveryLatency } from './latency';
import type { LoadFigures } from './load';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface VersionFigures {
  /** From spawning the process to its first answer, in ms. */
  startMs: number;
  /** Resident memory a few seconds after start, before any load, in bytes. */
  idleRss: number;
  /** Peak resident memory over both loads, in bytes. */
  peakRss: number;
  post: LoadFigures;
  lookup: LoadFigures;
  /** From a 201 to the report's arrival at a local webhook, while filing goes on. */
  delivery: LatencyFigures;
}

/** Another version of the hub, checked out beside this one (sharing its node_modules) and built as its own `npm start` would. */
export interface Checkout {
  ref: string;
  dir: string;
  /** What starts its hub: the compiled build where the version has one, else the TypeScript source through tsx. */
  script: string;
  remove(): void;
}

export function checkOut(ref: string): Checkout {
  const dir = join(mkdtempSync(join(tmpdir(), 'lapor-against-')), 'hub');
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const compiled = existsSync(join(dir, 'scripts/build-hub.ts'));
  if (compiled)
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-hub.ts'], { cwd: dir, stdio: 'ignore' });
  return {
    ref,
    dir,
    script: compiled ? 'dist/hub/server.js' : 'hub/src/server.ts',
    remove() {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

/**
 * One version's hub on a fresh SQLite data folder, as the other figures of
 * `npm run bench` measure it: start time, memory at idle, then POST and
 * lookups under 50 connections, and the peak memory they took.
 */
export async function measureVersion(seconds: number, checkout?: Checkout): Promise<VersionFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-bench-'));
  try {
    const hub = await startHub(dataDir, {
      env: { OUTBOX_WORKER: 'off' },
      ...(checkout && { checkout: { dir: checkout.dir, script: checkout.script } }),
    });
    try {
      const idleRss = await settledRss(hub);
      const { post, lookup } = await loadHotRoutes(hub.url, seconds);
      const figures = { startMs: hub.startMs, idleRss, peakRss: hub.peakRss(), post, lookup };
      await hub.stop();
      const delivery = await measureDeliveryLatency(
        seconds,
        checkout && { dir: checkout.dir, script: checkout.script },
      );
      return { ...figures, delivery };
    } finally {
      await hub.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
