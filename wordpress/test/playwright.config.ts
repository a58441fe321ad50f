import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const port = Number(process.env.WP_HUB_PORT ?? 8797);
// Made once by the runner; its workers, started after, read it from the environment.
process.env.WP_HUB_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'lapor-wp-hub-'));
process.env.WP_HUB_URL = `http://127.0.0.1:${port}/`;

/**
 * The plugin in a real WordPress (scripts/with-wordpress.sh starts it and
 * sets WP_URL), beside the real hub on a fresh data folder.
 */
export default defineConfig({
  testDir: '.',
  timeout: 120_000,
  workers: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    launchOptions: {
      executablePath: chromiumPath(),
      // WordPress answers as wp.lapor.test (its configuration is chosen by the host's name): this machine.
      args: [...chromiumArgs, '--host-resolver-rules=MAP wp.lapor.test 127.0.0.1'],
    },
  },
  webServer: {
    command: 'node dist/hub/server.js',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    env: { PORT: String(port), DATA_DIR: process.env.WP_HUB_DATA_DIR, HOST: '127.0.0.1', DEMO: 'off' },
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
