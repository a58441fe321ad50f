import { crash, type DrillResult, FULL, outage, SMALL, scaleOut, soak } from './drills/drills';
import { printTable } from './table';

/**
 * `npm run drill`: the hub (run as `npm start` runs it) under visitors'
 * load, crashed with kill -9, and with its destination down, and two hubs on
 * one PostgreSQL database with one of them crashing, each checked for lost
 * or twice-delivered reports. A small scale by default (CI runs it);
 * `npm run drill -- --full` for the full scale, by hand (about 50 minutes).
 * Name one (`soak`, `crash`, `outage`, `scale-out`) to run it alone.
 */
const scale = process.argv.includes('--full') ? FULL : SMALL;
const drills = { soak, crash, outage, 'scale-out': scaleOut };
const only = process.argv.find((arg) => Object.keys(drills).includes(arg));

console.log(`lapor-embed drills, ${new Date().toISOString()}, ${scale === FULL ? 'full' : 'small'} scale\n`);
const results: DrillResult[] = [];
for (const [name, drill] of Object.entries(drills)) {
  if (only && name !== only) continue;
  results.push(await drill(scale));
}
printTable(
  ['drill', 'result', 'figures'],
  results.map((r) => [r.name, r.problems.length ? `FAILED: ${r.problems.join('; ')}` : 'passed', r.figures]),
);
if (results.some((r) => r.problems.length)) process.exitCode = 1;
