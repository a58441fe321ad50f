import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8798);
// One data folder for the run: the workers load this file again and inherit the variable (desk.spec.ts runs the
// operator's command on the same folder).
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'lapor-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

/** Starts the real hub on a fresh data folder and drives the demo site in Chromium. */
export default defineConfig({
  testDir: '.',
  timeout: 30_000,
  workers: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    // sekolah.test is this machine under a name that is not localhost: an insecure context, like a school site on http.
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...chromiumArgs, '--host-resolver-rules=MAP sekolah.test 127.0.0.1'],
    },
  },
  webServer: {
    // The production build, as `npm start` runs it (the test script builds it first).
    command: 'node dist/hub/server.js',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/v1/categories`,
    // The operator's token: the poll test closes the demo school's poll through the operator API.
    env: { PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', ADMIN_TOKEN: 'e2e-operator-token-0123456789' },
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
