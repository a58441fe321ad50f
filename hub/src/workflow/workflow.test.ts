import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { type ReportStatus, reportInputSchema } from '../../../contract';
import type { Report } from '../db/schema';
import { createReport } from '../reports/create';
import { reportView } from '../reports/views';
import { sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { AUTO_CLOSE_NOTE, closeUnansweredFollowUps } from './auto-close';
import { recordMessage, recordTransition } from './transitions';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

/** SMK SMAK Makassar works in WITA (UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

async function fileAt(local: string): Promise<Report> {
  const { reports } = hub.db.$tables;
  const { trackingId } = await createReport(
    { db: hub.db, keyring: testKeyring },
    reportInputSchema.parse(sampleReport),
    {
      now: wita(local),
    },
  );
  const [report] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
  assert.ok(report);
  return report;
}

const move = (report: Report, to: ReportStatus, local: string, actor: 'national' | 'institution' = 'national') =>
  recordTransition(hub.db, testKeyring, report.id, { to, actor, at: wita(local) });

const deps = async () => ({
  db: hub.db,
  directory: hub.directory,
  regions: hub.regions,
  keyring: testKeyring,
  calendar: testCalendar,
});
const viewAt = async (report: Report, local: string) => {
  const { reports } = hub.db.$tables;
  const [fresh] = await hub.db.select().from(reports).where(eq(reports.id, report.id));
  assert.ok(fresh);
  return reportView(await deps(), fresh, 'public', wita(local));
};

describe('the workflow', () => {
  it('moves a report through SP4N-LAPOR!’s stages, each an event on the timeline', async () => {
    const report = await fileAt('2026-11-20T10:00:00');
    const path: ReportStatus[] = [
      'submitted',
      'verified',
      'forwarded',
      'followed_up',
      'finished',
      'reopened',
      'followed_up',
    ];
    for (const [i, to] of path.entries()) await move(report, to, `2026-11-2${3 + Math.floor(i / 3)}T0${i + 1}:00:00`);
    const view = await viewAt(report, '2026-11-26T12:00:00');
    assert.deepEqual(
      view.timeline.map((e) => e.status),
      ['received', ...path],
    );
    assert.equal(view.status, 'followed_up');
  });

  it('refuses moves the workflow does not allow, changing nothing', async () => {
    const { reportEvents } = hub.db.$tables;
    const report = await fileAt('2026-11-20T10:00:00');
    await assert.rejects(() => move(report, 'finished', '2026-11-20T11:00:00'), /cannot become finished/);
    await move(report, 'archived', '2026-11-20T11:00:00');
    for (const to of ['received', 'forwarded', 'reopened'] as const) {
      await assert.rejects(() => move(report, to, '2026-11-20T12:00:00'), /cannot become/);
    }
    assert.equal((await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id))).length, 2);
  });

  it('gives the verification deadline in the institution’s working days', async () => {
    // Received Friday 20 November (WITA): forwarded by Wednesday 25 November.
    const report = await fileAt('2026-11-20T10:00:00');
    assert.deepEqual((await viewAt(report, '2026-11-23T09:00:00')).deadline, {
      kind: 'forward',
      due: '2026-11-25',
      workingDaysLeft: 2,
      overdue: false,
    });
    assert.deepEqual((await viewAt(report, '2026-11-26T09:00:00')).deadline, {
      kind: 'forward',
      due: '2026-11-25',
      workingDaysLeft: -1,
      overdue: true,
    });
  });

  it('counts the follow-up from forwarding, and resolution from the first forwarding', async () => {
    const report = await fileAt('2026-11-20T10:00:00');
    await move(report, 'submitted', '2026-11-20T11:00:00');
    await move(report, 'verified', '2026-11-23T09:00:00');
    await move(report, 'forwarded', '2026-11-25T09:00:00');
    // 5 working days after Wednesday 25 November: 26, 27, 30 Nov, 1, 2 Dec.
    const view = await viewAt(report, '2026-11-25T10:00:00');
    assert.deepEqual(view.deadline, { kind: 'follow_up', due: '2026-12-02', workingDaysLeft: 5, overdue: false });
    assert.equal(view.resolution?.kind, 'resolution');
    assert.equal(view.resolution?.workingDaysLeft, 60);
  });

  it('closes a report 10 working days after an unanswered follow-up, and not after a reply', async () => {
    const quiet = await fileAt('2026-10-26T10:00:00');
    const answered = await fileAt('2026-10-26T10:00:00');
    for (const report of [quiet, answered]) {
      for (const to of ['submitted', 'verified', 'forwarded'] as const) await move(report, to, '2026-10-27T09:00:00');
      await move(report, 'followed_up', '2026-11-02T09:00:00', 'institution');
    }
    await recordMessage(hub.db, testKeyring, answered.id, {
      actor: 'reporter',
      note: 'Belum ada perubahan.',
      at: wita('2026-11-05T08:00:00'),
    });
    // Monday 2 November + 10 working days = Monday 16 November.
    assert.deepEqual((await viewAt(quiet, '2026-11-09T09:00:00')).deadline?.due, '2026-11-16');
    const directory = hub.directory;
    assert.equal(
      await closeUnansweredFollowUps(hub.db, testKeyring, directory, testCalendar, wita('2026-11-16T23:00:00')),
      0,
    );
    assert.equal(
      await closeUnansweredFollowUps(hub.db, testKeyring, directory, testCalendar, wita('2026-11-17T00:30:00')),
      1,
    );
    const closed = await viewAt(quiet, '2026-11-17T01:00:00');
    assert.equal(closed.status, 'finished');
    assert.equal(closed.timeline.at(-1)?.note, AUTO_CLOSE_NOTE);
    assert.equal(closed.deadline, undefined);
    const waiting = await viewAt(answered, '2026-11-17T01:00:00');
    assert.equal(waiting.status, 'followed_up');
    assert.equal(waiting.deadline?.kind, 'follow_up');
  });
});
