import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { STAGING_MAX_AGE_MS, sweepStaging } from './staging';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lapor-staging-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the staging sweep', () => {
  it('removes what an interrupted upload left, and leaves uploads still in flight', async () => {
    const now = Date.parse('2026-11-16T03:00:00Z');
    const old = new Date(now - STAGING_MAX_AGE_MS - 1000);
    for (const name of ['a1.partial', 'a1.jpg_original', 'b2.pdf.clean']) {
      writeFileSync(join(dir, name), 'GPS');
      utimesSync(join(dir, name), old, old);
    }
    mkdirSync(join(dir, 'leftover'));
    utimesSync(join(dir, 'leftover'), old, old);
    writeFileSync(join(dir, 'c3.partial'), 'in flight');
    const young = new Date(now - 1000);
    utimesSync(join(dir, 'c3.partial'), young, young);
    assert.equal(readdirSync(dir).length, 5);

    assert.equal(await sweepStaging(dir, now), 4);
    assert.deepEqual(readdirSync(dir), ['c3.partial']);
  });

  it('does nothing when there is no staging folder yet', async () => {
    assert.equal(await sweepStaging(join(dir, 'absent')), 0);
  });
});
