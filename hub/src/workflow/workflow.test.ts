import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { type ReportStatus, reportInputSchema } from '../../../contract';
import { type Report, reportEvents, reports } from '../db/schema';
import { createDirectory } from '../directory/directory';
import { createReport } from '../reports/create';
import { reportView } from '../reports/views';
import { sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { AUTO_CLOSE_NOTE, closeUnansweredFollowUps } from './auto-close';
import { recordMessage, recordTransition } from './transitions';

let hub: ReturnType<typeof testApp>;
beforeEach(() => {
  hub = testApp();
});
afterEach(() => hub.close());

/** SMK SMAK Makassar works in WITA (UTC+8). */
const wita = (local: string) => new Date(`${local}+08:00`);

function fileAt(local: string): Report {
  const { trackingId } = createReport({ db: hub.db, keyring: testKeyring }, reportInputSchema.parse(sampleReport), {
    now: wita(local),
  });
  const [report] = hub.db.select().from(reports).where(eq(reports.trackingId, trackingId)).all();
  assert.ok(report);
  return report;
}

const move = (report: Report, to: ReportStatus, local: string, actor: 'national' | 'institution' = 'national') =>
  recordTransition(hub.db, report.id, { to, actor, at: wita(local) });

const deps = () => ({
  db: hub.db,
  directory: createDirectory(hub.db),
  regions: hub.regions,
  keyring: testKeyring,
  calendar: testCalendar,
});
const viewAt = (report: Report, local: string) => {
  const [fresh] = hub.db.select().from(reports).where(eq(reports.id, report.id)).all();
  assert.ok(fresh);
  return reportView(deps(), fresh, 'public', wita(local));
};

describe('the workflow', () => {
  it('moves a report through SP4N-LAPOR!’s stages, each an event on the timeline', () => {
    const report = fileAt('2026-11-20T10:00:00');
    const path: ReportStatus[] = [
      'submitted',
      'verified',
      'forwarded',
      'followed_up',
      'finished',
      'reopened',
      'followed_up',
    ];
    for (const [i, to] of path.entries()) move(report, to, `2026-11-2${3 + Math.floor(i / 3)}T0${i + 1}:00:00`);
    const view = viewAt(report, '2026-11-26T12:00:00');
    assert.deepEqual(
      view.timeline.map((e) => e.status),
      ['received', ...path],
    );
    assert.equal(view.status, 'followed_up');
  });

  it('refuses moves the workflow does not allow, changing nothing', () => {
    const report = fileAt('2026-11-20T10:00:00');
    assert.throws(() => move(report, 'finished', '2026-11-20T11:00:00'), /cannot become finished/);
    move(report, 'archived', '2026-11-20T11:00:00');
    for (const to of ['received', 'forwarded', 'reopened'] as const) {
      assert.throws(() => move(report, to, '2026-11-20T12:00:00'), /cannot become/);
    }
    assert.equal(hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id)).all().length, 2);
  });

  it('gives the verification deadline in the institution’s working days', () => {
    // Received Friday 20 November (WITA): forwarded by Wednesday 25 November.
    const report = fileAt('2026-11-20T10:00:00');
    assert.deepEqual(viewAt(report, '2026-11-23T09:00:00').deadline, {
      kind: 'forward',
      due: '2026-11-25',
      workingDaysLeft: 2,
      overdue: false,
    });
    assert.deepEqual(viewAt(report, '2026-11-26T09:00:00').deadline, {
      kind: 'forward',
      due: '2026-11-25',
      workingDaysLeft: -1,
      overdue: true,
    });
  });

  it('counts the follow-up from forwarding, and resolution from the first forwarding', () => {
    const report = fileAt('2026-11-20T10:00:00');
    move(report, 'submitted', '2026-11-20T11:00:00');
    move(report, 'verified', '2026-11-23T09:00:00');
    move(report, 'forwarded', '2026-11-25T09:00:00');
    // 5 working days after Wednesday 25 November: 26, 27, 30 Nov, 1, 2 Dec.
    const view = viewAt(report, '2026-11-25T10:00:00');
    assert.deepEqual(view.deadline, { kind: 'follow_up', due: '2026-12-02', workingDaysLeft: 5, overdue: false });
    assert.equal(view.resolution?.kind, 'resolution');
    assert.equal(view.resolution?.workingDaysLeft, 60);
  });

  it('closes a report 10 working days after an unanswered follow-up, and not after a reply', () => {
    const quiet = fileAt('2026-10-26T10:00:00');
    const answered = fileAt('2026-10-26T10:00:00');
    for (const report of [quiet, answered]) {
      for (const to of ['submitted', 'verified', 'forwarded'] as const) move(report, to, '2026-10-27T09:00:00');
      move(report, 'followed_up', '2026-11-02T09:00:00', 'institution');
    }
    recordMessage(hub.db, answered.id, {
      actor: 'reporter',
      note: 'Belum ada perubahan.',
      at: wita('2026-11-05T08:00:00'),
    });
    // Monday 2 November + 10 working days = Monday 16 November.
    assert.deepEqual(viewAt(quiet, '2026-11-09T09:00:00').deadline?.due, '2026-11-16');
    const directory = createDirectory(hub.db);
    assert.equal(closeUnansweredFollowUps(hub.db, directory, testCalendar, wita('2026-11-16T23:00:00')), 0);
    assert.equal(closeUnansweredFollowUps(hub.db, directory, testCalendar, wita('2026-11-17T00:30:00')), 1);
    const closed = viewAt(quiet, '2026-11-17T01:00:00');
    assert.equal(closed.status, 'finished');
    assert.equal(closed.timeline.at(-1)?.note, AUTO_CLOSE_NOTE);
    assert.equal(closed.deadline, undefined);
    const waiting = viewAt(answered, '2026-11-17T01:00:00');
    assert.equal(waiting.status, 'followed_up');
    assert.equal(waiting.deadline?.kind, 'follow_up');
  });
});
