import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publishLabelled } from '../testing/published';
import { testApp, testCalendar } from '../testing/test-app';
import { SIMILAR, similarReports } from './similar';
import { FILED, LATER } from './similar-pairs';
import { wordsOf } from './words';

type Hub = Awaited<ReturnType<typeof testApp>>;

/**
 * What each later report is shown, by issue key: the labelled set run
 * through the hub's matching, with every open report of the institution
 * ranked (`scan` the default) or only those the search index finds (`scan` 0).
 */
async function suggestions(hub: Hub, filed: Map<string, string>, scan: number): Promise<Map<string, string[]>> {
  const keyOf = new Map([...filed].map(([key, trackingId]) => [trackingId, key]));
  const deps = { db: hub.db, directory: hub.directory, regions: hub.regions, calendar: testCalendar };
  const shown = new Map<string, string[]>();
  for (const later of LATER) {
    const found = await similarReports(
      deps,
      { institution: later.institution, q: `${later.title}. ${later.body}`, region: later.region },
      hub.clock(),
      scan,
    );
    shown.set(
      later.key,
      found.map((report) => keyOf.get(report.trackingId) ?? report.trackingId),
    );
  }
  return shown;
}

/** SQLite always; PostgreSQL too where the suite runs on it: the two must show the same. */
const dialects = process.env.HUB_TEST_POSTGRES ? [{ sqlite: true }, {}] : [{ sqlite: true }];

describe('similar reports on the labelled set', () => {
  const hubs: Hub[] = [];
  after(async () => {
    for (const hub of hubs) await hub.close();
  });
  const open = async (options: { sqlite?: boolean }) => {
    const hub = await testApp(options);
    hubs.push(hub);
    return hub;
  };

  /** By database, then by way of finding candidates: every open report ranked, or only those the index finds. */
  const withDuplicates: Map<string, string[]>[][] = [];
  const withoutDuplicates: Map<string, string[]>[][] = [];
  const WAYS = [SIMILAR.scanned, 0];
  before(async () => {
    for (const options of dialects) {
      const all = await open(options);
      const allFiled = await publishLabelled(all, FILED);
      // Every other issue at each institution filed: the others' later reports have no duplicate to find.
      const half = await open(options);
      const halfFiled = await publishLabelled(
        half,
        FILED.filter((_, i) => i % 2 === 0),
      );
      withDuplicates.push(await Promise.all(WAYS.map((scan) => suggestions(all, allFiled, scan))));
      withoutDuplicates.push(await Promise.all(WAYS.map((scan) => suggestions(half, halfFiled, scan))));
    }
  });

  for (const [way, name] of [
    [0, 'ranking every open report'],
    [1, 'ranking what the index finds'],
  ] as const) {
    it(`finds the duplicate among the three shown for at least 91 of 100 later reports, and shows under 5 % of the unrelated (${name})`, (t) => {
      const shown = withDuplicates[0]?.[way] as Map<string, string[]> | undefined;
      assert.ok(shown);
      assert.equal(shown.size, 100);
      const found = LATER.filter((later) => shown.get(later.key)?.includes(later.key));
      // Each later report meets its own filed report and the four other issues at its institution.
      const unrelated = LATER.flatMap((later) => (shown.get(later.key) ?? []).filter((key) => key !== later.key));
      const unrelatedPairs = LATER.length * 4;
      t.diagnostic(`duplicates found: ${found.length}/100; unrelated shown: ${unrelated.length}/${unrelatedPairs}`);
      assert.ok(found.length >= 91, `duplicates found: ${found.length}/100`);
      assert.ok(unrelated.length / unrelatedPairs < 0.05, `unrelated shown: ${unrelated.length}/${unrelatedPairs}`);
      assert.ok(
        [...shown.values()].every((keys) => keys.length <= 3),
        'three at most',
      );
    });

    it(`shows under 10 % of the unrelated reports when the duplicate is not there to outrank them (${name})`, (t) => {
      const shown = withoutDuplicates[0]?.[way] as Map<string, string[]> | undefined;
      assert.ok(shown);
      const alone = LATER.filter((_, i) => i % 2 === 1);
      assert.equal(alone.length, 50);
      const shownFor = alone.flatMap((later) => shown.get(later.key) ?? []);
      assert.ok(
        shownFor.every((key) => !alone.some((later) => later.key === key)),
        'none of these was filed',
      );
      // Each meets the two or three filed issues of its institution.
      const pairs = alone.reduce(
        (sum, later) => sum + FILED.filter((f, i) => i % 2 === 0 && f.institution === later.institution).length,
        0,
      );
      assert.ok(pairs >= 100);
      t.diagnostic(`unrelated shown without their duplicate: ${shownFor.length}/${pairs}`);
      assert.ok(shownFor.length / pairs < 0.1, `unrelated shown: ${shownFor.length}/${pairs}`);
    });
  }

  it('shows the same on SQLite and PostgreSQL', {
    skip: dialects.length < 2 && 'the suite runs on SQLite only',
  }, () => {
    for (const results of [withDuplicates, withoutDuplicates]) {
      const [sqlite, postgres] = results.map((ways) => ways.map((shown) => [...shown]));
      assert.equal(sqlite?.[0]?.length, 100);
      assert.deepEqual(postgres, sqlite);
    }
  });
});

describe('the words compared', () => {
  it('fold case, accents and affixes, and leave out stop words', () => {
    assert.deepEqual(wordsOf('Pelayanan di Puskesmas SANGAT lambat, dilayani setelah ditunggu'), [
      'layan',
      'puskesmas',
      'lambat',
      'layan',
      'tunggu',
    ]);
    assert.deepEqual(wordsOf('Kerusakan jalannya').sort(), wordsOf('jalan rusak').sort());
    assert.deepEqual(wordsOf('SD Négeri 3'), wordsOf('sd negeri 3'));
    assert.equal(wordsOf('SD Négeri 3').length, 3, 'a number is a word');
    assert.deepEqual(wordsOf('*** yang, di; dan!'), []);
  });
});
