import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { type ReportStatus, TRANSITIONS } from '../../../contract';
import type { MonitorStats, PublicReport, PublicReportPage } from '../../../contract/monitor';
import { fileReport, forwardReport } from '../testing/published';
import { sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { recordMessage, recordTransition } from '../workflow/transitions';
import { AggregateChanges, COUNTERS } from './contributions';
import { monitorFacts } from './facts';
import { MonitorProjector, projectMarked } from './projector';
import { similarReports } from './similar';

let hub: Awaited<ReturnType<typeof testApp>>;
let clock: TestClock;
beforeEach(async () => {
  clock = testClock();
  hub = await testApp({ clock });
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

const DAY = 86_400_000;
const deps = () => ({ db: hub.db, directory: hub.directory, calendar: testCalendar, keyring: testKeyring });
const project = () => projectMarked(deps(), hub.clock());

const file = (extra: object = {}) => fileReport(hub, extra);

function move(id: number, to: ReportStatus, extra: { institution?: string } = {}) {
  const actor = to === 'followed_up' || to === 'finished' ? 'institution' : to === 'submitted' ? 'hub' : 'national';
  return recordTransition(hub.db, testKeyring, id, { to, actor, at: hub.clock(), ...extra });
}

const forward = (id: number, institution?: string) => forwardReport(hub, id, institution);

async function get<T>(path: string): Promise<T> {
  const res = await hub.app.request(path);
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}
const list = (query = '') => get<PublicReportPage>(`/api/v1/public/reports${query}`);
const stats = (query = '') => get<MonitorStats>(`/api/v1/public/stats${query}`);

/** Personal data in a report's own text, which the public view masks. */
const PERSONAL = {
  title: 'Pungli daftar ulang, hubungi 0812-3456-7890',
  body: 'Saya Andi Pratama (NIK 7371010101900001, andi@example.id) diminta membayar Rp250.000 tanpa kuitansi saat daftar ulang.',
};

describe('public monitoring', () => {
  it('publishes a report once forwarded, never before, never a confidential one, never its reporter', async () => {
    const open = await file(PERSONAL);
    const anonymous = await file({ ...PERSONAL, anonymous: true });
    const confidential = await file({ ...PERSONAL, confidential: true });
    await project();
    assert.deepEqual((await list()).items, [], 'nothing is published before it is forwarded');
    assert.equal((await stats()).totals.received, 3, 'though every report counts as received');

    for (const report of [open, anonymous, confidential]) await forward(report.id);
    await project();
    const { items } = await list();
    assert.deepEqual(items.map((item) => item.trackingId).sort(), [open.trackingId, anonymous.trackingId].sort());
    const text = JSON.stringify(items);
    assert.match(text, /Pungli daftar ulang/, 'the searches below look through the published text');
    for (const secret of ['0812-3456-7890', '7371010101900001', 'andi@example.id', confidential.trackingId]) {
      assert.ok(!text.includes(secret), `${secret} is not in the public list`);
    }
    // A named reporter is named in public, as in the tracker; an anonymous one's name is masked in their own text.
    const named = JSON.stringify(items.find((item) => item.trackingId === open.trackingId));
    const unnamed = JSON.stringify(items.find((item) => item.trackingId === anonymous.trackingId));
    assert.match(named, /Andi Pratama/);
    assert.match(unnamed, /diminta membayar/);
    assert.doesNotMatch(unnamed, /Andi|Pratama/);
    const { totals } = await stats();
    assert.equal(totals.received, 3);
    assert.equal(totals.forwarded, 3, 'a confidential report counts in the figures, without its content');
  });

  it('gives the figures of a scope: shares within the deadlines, the median to a first response, overdue today', async () => {
    const reports = [];
    for (let i = 0; i < 6; i++) reports.push(await file());
    for (const report of reports) await forward(report.id);
    // Forwarded on Monday 16 November 2026. Two answer on Wednesday (2 working days), two the next Wednesday
    // (7), one is finished after that; one is never answered.
    clock.advance(2 * DAY);
    for (const report of reports.slice(0, 2)) await move(report.id, 'followed_up');
    clock.advance(7 * DAY);
    for (const report of reports.slice(2, 4)) await move(report.id, 'followed_up');
    await move(reports[0]?.id ?? 0, 'finished');
    await project();

    const figures = await stats('?institution=smk-smak-makassar&region=73.71');
    assert.deepEqual(figures.totals, {
      received: 6,
      forwarded: 6,
      answered: 4,
      finished: 1,
      answeredWithin5: 2 / 6,
      finishedWithin60: 1 / 6,
      medianDaysToResponse: (2 + 7) / 2,
    });
    // The unanswered two were due on Monday 23 November (5 working days): late from the 24th.
    assert.equal(figures.overdue, 2);
    assert.deepEqual(
      figures.months.map((month) => month.month),
      ['2026-11'],
    );
    clock.advance(100 * DAY);
    assert.equal(
      (await stats()).overdue,
      5,
      'resolution is due within 60 working days; only the finished one is not late',
    );
  });

  it('does not break down a scope of fewer than 5 reports, nor a month that would give one away', async () => {
    for (let i = 0; i < 3; i++) await file();
    await project();
    const few = await stats('?places=province');
    assert.equal(few.totals.received, 3);
    assert.equal(few.suppressed, true);
    assert.deepEqual(few.months, []);
    assert.deepEqual(few.places, []);

    // Six more in December, five in January: November's three are held back, and so is the next smallest month.
    clock.set('2026-12-07T03:00:00Z');
    for (let i = 0; i < 6; i++) await file();
    clock.set('2027-01-11T03:00:00Z');
    for (let i = 0; i < 5; i++) await file();
    await project();
    const months = (await stats()).months;
    assert.deepEqual(
      months.map((month) => [month.month, month.suppressed]),
      [
        ['2026-11', true],
        ['2026-12', false],
        ['2027-01', true],
      ],
    );
    const places = (await stats('?places=regency&region=73')).places ?? [];
    assert.deepEqual(
      places.map((place) => [place.region.code, place.region.name, place.suppressed]),
      [['73.71', 'Kota Makassar', false]],
    );
  });

  it('lists the newest first, a page at a time, by place, category, institution, kind and status', async () => {
    const filed = [];
    for (let i = 0; i < 5; i++) {
      const report = await file(i % 2 ? { location: { text: 'Jl. Merdeka', regionCode: '32.73' } } : {});
      await forward(report.id, i === 4 ? 'kemendikdasmen' : undefined);
      filed.push(report.trackingId);
      clock.advance(60_000);
    }
    await project();
    const first = await list('?limit=2');
    assert.equal(first.items.length, 2);
    assert.ok(first.next);
    const second = await list(`?limit=2&cursor=${first.next}`);
    const third = await list(`?limit=2&cursor=${second.next}`);
    assert.equal(third.next, undefined);
    assert.deepEqual(
      [...first.items, ...second.items, ...third.items].map((item) => item.trackingId),
      filed.toReversed(),
    );
    const ids = (page: PublicReportPage) => page.items.map((item) => item.trackingId);
    assert.deepEqual(ids(await list('?region=32.73')), [filed[3], filed[1]]);
    assert.deepEqual(ids(await list('?region=32')), [filed[3], filed[1]]);
    assert.deepEqual(ids(await list('?institution=kemendikdasmen')), [filed[4]]);
    assert.equal((await list('?category=pendidikan-kebudayaan')).items.length, 5);
    assert.deepEqual(ids(await list('?kind=aspirasi')), []);
    assert.equal((await list('?status=forwarded')).items.length, 5);
    const [item] = (await list('?limit=1')).items as [PublicReport];
    assert.equal(item.institution.name.length > 0, true);
    assert.equal(item.deadline?.kind, 'follow_up');
    assert.equal(item.resolution?.kind, 'resolution');

    const bad = await hub.app.request('/api/v1/public/reports?cursor=bm90LWEtY3Vyc29y');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, 'validation_failed');
  });

  it('finds published reports by the words of their masked title and text, never by what is masked', async () => {
    const road = await file({
      title: 'Jalan rusak di depan sekolah',
      body: 'Lubang besar membahayakan siswa yang bersepeda.',
    });
    const levy = await file(PERSONAL);
    const secret = await file({ title: 'Jalan rusak parah', confidential: true });
    for (const report of [road, levy, secret]) await forward(report.id);
    await project();
    const found = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).items.map((item) => item.trackingId);
    assert.deepEqual(
      await found('jalan rus'),
      [road.trackingId],
      'words as their beginnings; never a confidential report',
    );
    assert.deepEqual(await found('SISWA bersepeda'), [road.trackingId], 'the text too, case aside');
    assert.deepEqual(await found('pungli kuitansi'), [levy.trackingId]);
    assert.deepEqual(await found('7371010101900001'), [], 'a masked NIK is not in the index');
    assert.deepEqual(await found('andi@example.id'), [], 'nor a masked email address');
    assert.deepEqual(await found('jalan pungli'), [], 'every word must be there');
    assert.equal((await found('"*) - (')).length, 2, 'punctuation is not query syntax: nothing to search is no filter');
    assert.deepEqual(await found('kerusakan jalannya'), [road.trackingId], 'other forms of the same words');
    assert.deepEqual(await found('Lubang yang BÉSAR'), [road.trackingId], 'accents and stop words aside');
  });

  it('indexes every published report again when the rules of its words change, and counts each stem once', async () => {
    const road = await file({
      title: 'Jalan rusak di depan sekolah',
      body: 'Jalan berlubang dan rusak sejak lama, membahayakan siswa.',
    });
    const waiting = await file({
      title: 'Jalan rusak di pasar',
      body: 'Jalan di depan pasar berlubang, belum diteruskan.',
    });
    await forward(road.id);
    await project();
    const { monitorReports, monitorTerms } = hub.db.$tables;
    const counts = async () =>
      Object.fromEntries((await hub.db.select().from(monitorTerms)).map((row) => [row.term, row.reports]));
    const before = await counts();
    assert.equal(before[''], 1, 'one report indexed');
    assert.equal(before.jalan, 1, 'a stem said twice is counted once for the report');
    assert.equal(before.pasar, undefined, 'a report not forwarded is not indexed');
    // What a migration that changes the rules does: the index emptied, every report to index again.
    if (hub.db.$sqlite) hub.db.$sqlite.exec('delete from monitor_search');
    else await hub.db.execute(sql`delete from monitor_search`);
    await hub.db.delete(monitorTerms);
    await hub.db.update(monitorReports).set({ indexed: false });
    assert.deepEqual((await list('?q=jalan')).items, []);
    await project();
    assert.deepEqual(
      (await list('?q=jalan')).items.map((item) => item.trackingId),
      [road.trackingId],
    );
    assert.deepEqual(await counts(), before);
    assert.ok(waiting.trackingId);
  });

  it('keeps a report under the institution holding it now, as the search index finds it for similar reports', async () => {
    const road = await file({
      title: 'Jalan rusak di depan sekolah',
      body: 'Lubang besar di jalan depan sekolah membahayakan siswa yang bersepeda.',
    });
    await forward(road.id);
    await project();
    const at = async (institution: string) =>
      (
        await similarReports(
          { ...deps(), regions: hub.regions },
          { institution, q: 'Jalan depan sekolah rusak, lubang besar' },
          hub.clock(),
          0, // only what the index finds
        )
      ).map((report) => report.trackingId);
    assert.deepEqual(await at('smk-smak-makassar'), [road.trackingId]);
    assert.deepEqual(await at('kemenkes'), []);
    await move(road.id, 'not_authority');
    await move(road.id, 'forwarded', { institution: 'kemenkes' });
    await project();
    assert.deepEqual(await at('kemenkes'), [road.trackingId], 'passed on: found where it is held now');
    assert.deepEqual(await at('smk-smak-makassar'), [], 'and no longer where it was');
    assert.deepEqual(
      (await list('?q=jalan%20rusak')).items.map((item) => item.trackingId),
      [road.trackingId],
      'the public search finds it once',
    );
  });

  it('tidies the search index a step at a time once a day, between 02:00 and 06:00 in Jakarta, finding the same', async () => {
    const projector = new MonitorProjector(deps(), { clock });
    const segments = () =>
      hub.db.$sqlite?.prepare('select count(distinct segid) from monitor_search_idx').pluck().get() as number;
    const found = async () => (await list('?q=jalan')).items.map((item) => item.trackingId).sort();
    const roads = [];
    for (const place of ['sekolah', 'pasar', 'kantor camat']) {
      const road = await file({
        title: `Jalan rusak di depan ${place}`,
        body: `Jalan di depan ${place} berlubang sejak bulan lalu.`,
      });
      await forward(road.id);
      await project(); // each pass indexes in a transaction of its own: a segment each on SQLite
      roads.push(road.trackingId);
    }
    assert.deepEqual(await found(), roads.sort());
    if (hub.db.$sqlite) assert.equal(segments(), 3);
    clock.set('2026-11-16T18:30:00Z'); // 01:30 in Jakarta
    assert.equal(await projector.tidy(), false, 'not before 02:00');
    if (hub.db.$sqlite) assert.equal(segments(), 3);
    clock.set('2026-11-16T23:00:00Z'); // 06:00
    assert.equal(await projector.tidy(), false, 'nor after 06:00');
    clock.set('2026-11-16T19:30:00Z'); // 02:30
    let steps = 0;
    while (await projector.tidy()) steps++;
    if (hub.db.$sqlite) {
      assert.ok(steps >= 1);
      assert.equal(segments(), 1);
    } else assert.equal(steps, 0, 'PostgreSQL keeps its own index');
    assert.deepEqual(await found(), roads, 'the same reports found');
    const another = await file({
      title: 'Jalan rusak di pelabuhan',
      body: 'Jalan menuju pelabuhan berlubang sejak bulan lalu.',
    });
    await forward(another.id);
    await project();
    assert.equal(await projector.tidy(), false, 'once a day');
    if (hub.db.$sqlite) assert.equal(segments(), 2);
    clock.set('2026-11-17T20:00:00Z'); // 03:00 the next day
    while (await projector.tidy());
    if (hub.db.$sqlite) assert.equal(segments(), 1);
    assert.deepEqual(await found(), [...roads, another.trackingId].sort());
  });

  it('keeps the aggregates equal to a recount from the timelines, whatever happens in whichever order', async () => {
    const institutions = ['smk-smak-makassar', 'kemendikdasmen'];
    const places = [undefined, '73.71', '32.73.01'];
    const categories = [undefined, 'pendidikan-kebudayaan', 'kesehatan'];
    const step = fc.record({
      report: fc.nat(),
      choice: fc.nat(),
      days: fc.integer({ min: 0, max: 12 }),
      project: fc.boolean(),
    });
    const reports: { id: number }[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ place: fc.nat(2), category: fc.nat(2), confidential: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(step, { maxLength: 25 }),
        async (newReports, steps) => {
          for (const { place, category, confidential } of newReports) {
            const regionCode = places[place];
            const categoryId = categories[category];
            const { categoryId: _, ...base } = sampleReport;
            reports.push(
              await file({
                ...base,
                ...(categoryId && { categoryId }),
                location: { text: 'Jl. Merdeka', ...(regionCode && { regionCode }) },
                confidential,
              }),
            );
          }
          for (const { report, choice, days, project: now } of steps) {
            const { id } = reports[report % reports.length] ?? { id: 0 };
            clock.advance(days * DAY);
            const { reports: table } = hub.db.$tables;
            const [row] = await hub.db.select({ status: table.status }).from(table).where(eq(table.id, id));
            const next = TRANSITIONS[row?.status ?? 'archived'];
            const pick = choice % (next.length + 1);
            const to = next[pick];
            if (to) await move(id, to, to === 'forwarded' ? { institution: institutions[choice % 2] } : {});
            else
              await recordMessage(hub.db, testKeyring, id, {
                actor: 'reporter',
                note: 'Belum ada kabar.',
                at: hub.clock(),
              });
            if (now) await project();
          }
          while ((await project()) > 0);
          assert.deepEqual(await storedAggregates(), await recounted());
        },
      ),
      { numRuns: 12 },
    );
  });
});

/** The aggregate tables as they stand, rows that count nothing left out. */
async function storedAggregates() {
  const { monitorCounts, monitorResponseDays, monitorOverdue } = hub.db.$tables;
  const counts = new Map<string, number[]>();
  for (const row of await hub.db.select().from(monitorCounts)) {
    const values = COUNTERS.map((counter) => row[counter]);
    if (values.some(Boolean)) counts.set([row.institution, row.category, row.region, row.month].join('|'), values);
  }
  const days = new Map<string, number>();
  for (const row of await hub.db.select().from(monitorResponseDays)) {
    if (row.reports) days.set([row.institution, row.category, row.region, row.month, row.days].join('|'), row.reports);
  }
  const overdue = new Map<string, number>();
  for (const row of await hub.db.select().from(monitorOverdue)) {
    if (row.reports)
      overdue.set([row.institution, row.category, row.region, row.timeZone, row.day].join('|'), row.reports);
  }
  assert.ok(counts.size > 0, 'the recount has something to compare');
  return { counts, days, overdue };
}

/** The same, recounted from every report's timeline at once. */
async function recounted() {
  const { reports, reportEvents } = hub.db.$tables;
  const changes = new AggregateChanges();
  for (const report of await hub.db.select().from(reports)) {
    const events = await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id));
    changes.add(monitorFacts(deps(), report, events, hub.clock()), 1);
  }
  const key = (raw: string) => raw.split('\u001f').join('|');
  return {
    counts: new Map(
      [...changes.counts]
        .map(([raw, counts]) => [key(raw), COUNTERS.map((counter) => counts[counter])] as const)
        .filter(([, values]) => values.some(Boolean)),
    ),
    days: new Map([...changes.responseDays].filter(([, n]) => n).map(([raw, n]) => [key(raw), n])),
    overdue: new Map([...changes.overdue].filter(([, n]) => n).map(([raw, n]) => [key(raw), n])),
  };
}
