import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureRoutes, type RouteFigures } from './http';
import type { Checkout } from './hub-process';
import { type LatencyFigures, measureDeliveryLatency } from './latency';

const root = fileURLToPath(new URL('../', import.meta.url));

/** One version's figures: its hot routes as the main table measures them, and delivery latency. */
export interface VersionFigures extends RouteFigures {
  /** From a 201 to the report's arrival at a local webhook, while filing goes on. */
  delivery: LatencyFigures;
}

/** Another version of the hub, checked out beside this one (sharing its node_modules) and built as its own `npm start` would. */
export interface CheckedOut extends Checkout {
  ref: string;
  remove(): void;
}

/** Checks `ref` out; its hub starts from the compiled build where the version has one, else from its TypeScript source through tsx. */
export function checkOut(ref: string): CheckedOut {
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
 * lookups under 50 connections and the peak memory they took; then, on a
 * hub of its own with the outbox worker on, delivery latency.
 */
export async function measureVersion(seconds: number, checkout?: CheckedOut): Promise<VersionFigures> {
  const routes = await measureRoutes(seconds, {}, checkout);
  return { ...routes, delivery: await measureDeliveryLatency(seconds, checkout) };
}
