import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8798);
const dataDir = mkdtempSync(join(tmpdir(), 'lapor-e2e-'));

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
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: {
    command: 'node --import tsx hub/src/server.ts',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/v1/categories`,
    env: { PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' },
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
