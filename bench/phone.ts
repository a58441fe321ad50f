import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createChallenge } from 'altcha-lib/v1';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startHub } from './hub-process';
import { bundle, gzipSize, median } from './size';

/** A slow 3G network as the figures are stated (400 ms latency, 400 kbit/s each way) and a CPU four times slower. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

export interface PhoneFigures {
  /** Median milliseconds from navigation to a form the visitor can type into, its lists loaded. */
  usable: number;
  loads: number;
  /** Milliseconds to solve the default puzzle, over puzzles whose answers are spread evenly over its range. */
  proof: { mean: number; max: number; puzzles: number };
}

/**
 * The visitor on a low-end phone on a slow network: the demo page (both
 * elements, preset by the demo site key, as a school's page would be) from
 * the real hub, each load in a fresh browser context (nothing cached), timed
 * from navigation until the title field takes input and the institution,
 * the categories and the provinces have arrived.
 */
async function measureUsable(loads: number): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lapor-bench-phone-'));
  const hub = await startHub(dataDir, { env: { OUTBOX_WORKER: 'off', HOST: '127.0.0.1', DEMO: 'on' } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(`${hub.url}/demo/`, { waitUntil: 'commit' });
      const ms = await page.waitForFunction(
        () => {
          const root = document.querySelector('lapor-form')?.shadowRoot;
          const institution = root?.querySelector<HTMLInputElement | HTMLElement>('#institutionId, .fixed');
          const named = institution instanceof HTMLInputElement ? institution.value : institution?.textContent;
          const ready =
            root?.querySelector('#title') &&
            named?.includes('SMK SMAK Makassar') &&
            root.querySelector('#categoryId option[value=kesehatan]') &&
            (root.querySelector('#region-0')?.querySelectorAll('option').length ?? 0) > 30;
          return ready ? performance.now() : undefined;
        },
        undefined,
        { timeout: 60_000, polling: 20 },
      );
      times.push((await ms.jsonValue()) as number);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The proof of work on a CPU four times slower: puzzles of the hub's default
 * difficulty (50,000) whose answers sit at 1/40, 3/40, … 39/40 of the range,
 * so their mean is the expected time of a random one.
 */
async function measureProof(puzzles: number): Promise<number[]> {
  const maxnumber = 50_000;
  const challenges = await Promise.all(
    Array.from({ length: puzzles }, (_, i) =>
      createChallenge({ hmacKey: 'bench', maxnumber, number: Math.round(((2 * i + 1) / (2 * puzzles)) * maxnumber) }),
    ),
  );
  const origin = 'http://phone.bench';
  // The widget's own solver, built as the widget builds it, in one file for the measuring page.
  const solver = await bundle(fileURLToPath(new URL('../widget/src/internal/proof-of-work.ts', import.meta.url)), {
    oneFile: true,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext();
    await context.route(`${origin}/**`, (route) =>
      route.request().url().endsWith('/pow.js')
        ? route.fulfill({ body: solver, contentType: 'text/javascript' })
        : route.fulfill({ body: '<!doctype html><title>pow</title>', contentType: 'text/html' }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/`);
    return await page.evaluate(async (challenges) => {
      const { solveChallenge } = await import(`${location.origin}/pow.js`);
      await solveChallenge({ ...challenges[0], maxnumber: 1000 }); // loads the hash and warms it up, as typing would
      const times: number[] = [];
      for (const challenge of challenges) {
        const start = performance.now();
        if (!(await solveChallenge(challenge))) throw new Error('a puzzle went unsolved');
        times.push(performance.now() - start);
      }
      return times;
    }, challenges);
  } finally {
    await browser.close();
  }
}

export async function measurePhone(loads = 5, puzzles = 20): Promise<PhoneFigures> {
  const usable = await measureUsable(loads);
  const proof = await measureProof(puzzles);
  return {
    usable: median(usable),
    loads,
    proof: { mean: proof.reduce((a, b) => a + b, 0) / proof.length, max: Math.max(...proof), puzzles },
  };
}

export interface PaidSizes {
  /** What a visitor downloads for one element, or both, on the kinds of page there are. */
  rows: {
    what: string;
    bytes: number;
    limit: number /** Said instead of a goal, where there is none. */;
    note?: string;
  }[];
}

/**
 * Sizes as a visitor pays them (min+gzip): an element's bundle plus the
 * chunks that page loads: the proof of work's SHA-256 wherever the form is,
 * and on an English page either the English bundle (texts compiled in) or,
 * where the page's language is not known in advance, the Indonesian bundle
 * with its English texts fetched.
 */
export function measurePaidSizes(distDir = 'dist/widget'): PaidSizes {
  const read = (file: string) => readFileSync(join(distDir, file));
  const chunk = (bundle: string, prefix: string) => {
    const name = new RegExp(`["'\`]\\./(${prefix}-[\\w-]+\\.js)["'\`]`).exec(read(bundle).toString('utf8'))?.[1];
    return name ? gzipSize(read(name)) : 0;
  };
  const size = (bundle: string, { english = false, proof = true } = {}) =>
    gzipSize(read(bundle)) + (english ? chunk(bundle, 'en') : 0) + (proof ? chunk(bundle, 'sha2') : 0);
  const ONE = 25 * 1024;
  const BOTH = 30 * 1024;
  return {
    rows: [
      { what: '<lapor-form>, Indonesian page (lapor-form.js + SHA-256)', bytes: size('lapor-form.js'), limit: ONE },
      { what: '<lapor-form>, English page (lapor-form.en.js + SHA-256)', bytes: size('lapor-form.en.js'), limit: ONE },
      {
        what: '<lapor-tracker>, any page (lapor-tracker.js or .en.js)',
        bytes: Math.max(size('lapor-tracker.js', { proof: false }), size('lapor-tracker.en.js', { proof: false })),
        limit: ONE,
      },
      {
        what: '<lapor-poll>, any page (lapor-poll.js or .en.js, + SHA-256)',
        bytes: Math.max(size('lapor-poll.js'), size('lapor-poll.en.js')),
        limit: ONE,
      },
      {
        what: '<lapor-monitor>, any page (lapor-monitor.js or .en.js)',
        bytes: Math.max(size('lapor-monitor.js', { proof: false }), size('lapor-monitor.en.js', { proof: false })),
        limit: ONE,
      },
      { what: 'both elements, Indonesian page (lapor.js + SHA-256)', bytes: size('lapor.js'), limit: BOTH },
      { what: 'both elements, English page (lapor.en.js + SHA-256)', bytes: size('lapor.en.js'), limit: BOTH },
      {
        what: "<lapor-form> following the page's language, on an English page (lapor-form.js + English texts + SHA-256)",
        bytes: size('lapor-form.js', { english: true }),
        limit: Number.POSITIVE_INFINITY,
        note: 'for pages whose language is not known in advance',
      },
      {
        what: "<lapor-form>'s similar reports, fetched once a visitor has written enough (not for a report marked rahasia)",
        bytes: chunk('lapor-form.js', 'similar-reports'),
        limit: Number.POSITIVE_INFINITY,
        note: 'its own chunk, not paid by a page that only shows the form',
      },
    ],
  };
}
