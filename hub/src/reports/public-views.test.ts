import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { ReportCreated, ReportView } from '../../../contract';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { recordMessage } from '../workflow/transitions';

let hub: Awaited<ReturnType<typeof testApp>>;
let clock: TestClock;
beforeEach(async () => {
  clock = testClock();
  hub = await testApp({ clock });
});
afterEach(async () => hub.close());

const file = async (extra: object = {}): Promise<ReportCreated> =>
  (await postJson(hub.app, '/api/v1/reports', { ...sampleReport, ...extra })).json();
const look = async (trackingId: string, receipt?: string): Promise<ReportView> => {
  const res = await hub.app.request(`/api/v1/reports/${trackingId}`, {
    ...(receipt && { headers: { Authorization: `Receipt ${receipt}` } }),
  });
  assert.equal(res.status, 200);
  return res.json();
};
const reportId = async (trackingId: string) => {
  const { reports } = hub.db.$tables;
  const [row] = await hub.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingId, trackingId));
  assert.ok(row);
  return row.id;
};

describe('public views', () => {
  it('are kept between lookups: an edit behind the workflow’s back is not seen until the next event', async () => {
    const { trackingId } = await file();
    const before = await look(trackingId);
    assert.equal(before.timeline.length, 1);
    const { reportEvents } = hub.db.$tables;
    const id = await reportId(trackingId);
    await hub.db.update(reportEvents).set({ type: 'message', note: null }).where(eq(reportEvents.reportId, id));
    assert.equal((await look(trackingId)).timeline[0]?.type, 'status', 'the kept view');
    await recordMessage(hub.db, testKeyring, id, { actor: 'institution', note: 'Sedang diperiksa.', at: hub.clock() });
    const after = await look(trackingId);
    assert.deepEqual(
      after.timeline.map((e) => e.type),
      ['message', 'message'],
      'the next event makes the view afresh',
    );
  });

  it('show an event recorded in the same millisecond as the one before', async () => {
    const { trackingId } = await file();
    const id = await reportId(trackingId);
    const at = hub.clock();
    await recordMessage(hub.db, testKeyring, id, { actor: 'institution', note: 'Pertama.', at });
    assert.equal((await look(trackingId)).timeline.length, 2);
    await recordMessage(hub.db, testKeyring, id, { actor: 'institution', note: 'Kedua.', at });
    const view = await look(trackingId);
    assert.deepEqual(
      view.timeline.map((e) => e.note),
      [undefined, 'Pertama.', 'Kedua.'],
    );
  });

  it('count their deadlines again after midnight in the institution’s time zone', async () => {
    const { trackingId } = await file();
    const monday = await look(trackingId);
    assert.equal(monday.deadline?.workingDaysLeft, 3);
    clock.advance(10 * 3_600_000); // Monday 20:00 in Jakarta: the same day
    assert.equal((await look(trackingId)).deadline?.workingDaysLeft, 3);
    clock.advance(4 * 3_600_000); // Tuesday 00:00
    assert.equal((await look(trackingId)).deadline?.workingDaysLeft, 2);
  });

  it('are never shown to the reporter, nor the reporter’s view to the public', async () => {
    const { trackingId, receipt } = await file({ confidential: true });
    const publicView = await look(trackingId);
    assert.equal(publicView.viewer, 'public');
    assert.equal(publicView.body, undefined);
    const own = await look(trackingId, receipt);
    assert.equal(own.viewer, 'reporter');
    assert.equal(own.body, sampleReport.body);
    assert.equal(own.reporter?.email, sampleReport.reporter.email);
    const again = await look(trackingId);
    assert.equal(again.viewer, 'public');
    assert.equal(again.body, undefined);
    assert.equal(again.reporter, undefined);
  });
});
