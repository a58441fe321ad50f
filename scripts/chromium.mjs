import { existsSync } from 'node:fs';

/** Flags for a headless Chromium on a machine with a closed network and no GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium to test with: CHROME_PATH, a system Chromium, or Playwright's own download. */
export function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const system = CANDIDATES.find((path) => existsSync(path));
  if (system) return system;
  return undefined; // Playwright then uses the browser `npx playwright install` downloaded, if any.
}
