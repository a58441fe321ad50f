import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { REGIONS_BUILD } from '../hub/src/paths';
import { compactRegions } from '../hub/src/regions/compact';

/**
 * Compiles the hub for production: the server, its similar reports'
 * worker thread and the operator's command line, each one ES module in dist/hub, with its packages left as imports
 * (better-sqlite3 is native; the rest load from node_modules as they are).
 * Running plain JavaScript spares the hub a TypeScript loader at run time:
 * less memory at idle and a faster start. Files the hub reads are found from
 * the project folder (hub/src/paths.ts), so the build moves no path. The
 * build also writes the regions' compact file, read at start instead of
 * idn-area-data's CSV files.
 */
await build({
  entryPoints: {
    server: 'hub/src/server.ts',
    cli: 'hub/src/cli.ts',
    // Similar reports' ranking thread (hub/src/monitor/similar-thread.ts), loaded from beside the server.
    'similar-worker': 'hub/src/monitor/similar-worker.ts',
  },
  outdir: 'dist/hub',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The regions in the form a starting hub reads without parsing (hub/src/regions/compact.ts).
writeFileSync(REGIONS_BUILD, compactRegions.file());
