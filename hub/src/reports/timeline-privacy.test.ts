import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { ReportView } from '../../../contract';
import type { Destination, OutgoingAction, OutgoingReport } from '../outbox/destination';
import { createRouting, routingFile } from '../outbox/routing';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { testOutbox } from '../testing/test-outbox';
import { recordMessage, recordTransition } from '../workflow/transitions';

let hub: Awaited<ReturnType<typeof testApp>>;
const sent: { reports: OutgoingReport[]; actions: OutgoingAction[] } = { reports: [], actions: [] };
const spy: Destination = {
  name: 'disdik',
  deliver: async (report) => {
    sent.reports.push(report);
    return { externalRef: `D-${sent.reports.length}` };
  },
  deliverAction: async (action) => {
    sent.actions.push(action);
  },
};
beforeEach(async () => {
  sent.reports.length = 0;
  sent.actions.length = 0;
  hub = await testApp({ routing: createRouting(routingFile.parse({ default: 'disdik' }), [spy]) });
});
afterEach(async () => hub.close());

const worker = () => testOutbox(hub, { routing: createRouting(routingFile.parse({ default: 'disdik' }), [spy]) });

const COMMENT = 'Saya Andi Pratama, wali murid; hubungi saya di 0812-3456-7890 atau andi@example.id.';
const RESPONSE = 'Bapak Andi, pungutan sudah dihentikan; dana dikembalikan lewat rekening 0812 3456 7890.';
const REOPEN = 'Andi belum menerima pengembalian dana sampai hari ini.';
const REMARK = 'Terima kasih, Pak Kepala; salam dari Andi.';
/** The institution's desk's number for the report, which the hub records when it delivers. */
const DELIVERED = 'D-1';

/** A report with a whole life: delivered, commented on, answered, followed up, reopened and rated. */
async function lived(extra: { anonymous?: boolean; confidential?: boolean }) {
  const { reports } = hub.db.$tables;
  const { trackingId, receipt } = await (
    await postJson(hub.app, '/api/v1/reports', { ...sampleReport, ...extra })
  ).json();
  const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
  const id = row?.id ?? 0;
  await worker().tick();
  const act = (path: string, body: object) =>
    hub.app.request(`/api/v1/reports/${trackingId}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` },
      body: JSON.stringify(body),
    });
  assert.equal((await act('comments', { text: COMMENT })).status, 201);
  const at = hub.clock();
  await recordTransition(hub.db, testKeyring, id, { to: 'verified', actor: 'national', at });
  await recordTransition(hub.db, testKeyring, id, { to: 'forwarded', actor: 'national', at });
  await recordMessage(hub.db, testKeyring, id, { actor: 'institution', note: RESPONSE, at });
  await recordTransition(hub.db, testKeyring, id, { to: 'followed_up', actor: 'institution', note: RESPONSE, at });
  assert.equal((await act('reopen', { reason: REOPEN })).status, 201);
  await recordTransition(hub.db, testKeyring, id, { to: 'followed_up', actor: 'institution', note: RESPONSE, at });
  assert.equal((await act('rating', { score: 4, remark: REMARK })).status, 201);
  await worker().tick();
  const view = async (withReceipt: boolean): Promise<ReportView> =>
    (
      await hub.app.request(`/api/v1/reports/${trackingId}`, {
        headers: withReceipt ? { Authorization: `Receipt ${receipt}` } : {},
      })
    ).json();
  return { id, trackingId, view };
}

const notes = (view: ReportView) => view.timeline.flatMap((entry) => (entry.note ? [entry.note] : []));

describe('the timeline, as the public sees it', () => {
  it('of a confidential report: what happened and when, never what was written', async () => {
    const { view } = await lived({ anonymous: true, confidential: true });
    const seen = await view(false);
    assert.ok(seen.timeline.length >= 9, 'the whole life is there');
    for (const entry of seen.timeline) {
      assert.deepEqual(Object.keys(entry).sort(), ['actor', 'at', 'type', ...(entry.status ? ['status'] : [])].sort());
    }
    const own = await view(true);
    assert.deepEqual(notes(own), [COMMENT, RESPONSE, RESPONSE, REOPEN, RESPONSE, REMARK], 'the reporter sees it all');
    assert.deepEqual(
      own.timeline.flatMap((entry) => entry.reference ?? []),
      [DELIVERED],
      "and the desk's number for it",
    );
  });

  it('of an anonymous report: every note masked like the body, the reporter’s own name included', async () => {
    const { view } = await lived({ anonymous: true });
    const shown = notes(await view(false));
    assert.equal(shown.length, 6);
    assert.match(shown[0] ?? '', /^Saya \*\*\* \*\*\*, wali murid; hubungi saya di \*\*\* atau \*\*\*\.$/);
    const all = shown.join('\n');
    for (const secret of ['Andi', 'Pratama', '3456', '7890', 'andi@']) assert.ok(!all.includes(secret), secret);
  });

  it('of a named report: contact details masked, the name shown as the reporter chose', async () => {
    const { view } = await lived({});
    const shown = notes(await view(false));
    assert.equal(shown.length, 6);
    assert.match(shown[0] ?? '', /Andi Pratama/);
    assert.ok(!shown.join('\n').includes('3456'));
  });
});

describe('the number a destination gave the report', () => {
  it('comes as a reference the tracker words in the viewer’s language, also from notes hubs wrote before', async () => {
    const { reports } = hub.db.$tables;
    const { trackingId } = await (await postJson(hub.app, '/api/v1/reports', sampleReport)).json();
    const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    const earlier = 'Nomor laporan di lapor: 2026003';
    await recordTransition(hub.db, testKeyring, row?.id ?? 0, {
      to: 'submitted',
      actor: 'hub',
      note: earlier,
      at: hub.clock(),
    });
    const seen: ReportView = await (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();
    const submitted = seen.timeline.find((entry) => entry.status === 'submitted');
    assert.deepEqual(submitted, {
      at: hub.clock().toISOString(),
      type: 'status',
      actor: 'hub',
      status: 'submitted',
      reference: '2026003',
    });
  });
});

describe('timeline notes at rest and on their way out', () => {
  it('are sealed at rest, whoever wrote them, and read back whole', async () => {
    const { reportEvents } = hub.db.$tables;
    const open = await lived({});
    const secret = await lived({ confidential: true });
    for (const { id } of [open, secret]) {
      const stored = (await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, id))).flatMap((e) =>
        e.note ? [e.note] : [],
      );
      assert.equal(stored.length, 6, 'every note is there');
      assert.ok(stored.every((note) => testKeyring.isSealed(note)));
      assert.ok(!JSON.stringify(stored).includes('Andi'));
    }
    assert.deepEqual(notes(await open.view(true)), [COMMENT, RESPONSE, RESPONSE, REOPEN, RESPONSE, REMARK]);
  });

  it('reach the institution without an anonymous reporter’s identity', async () => {
    await lived({ anonymous: true });
    assert.equal(sent.reports.length, 1);
    assert.deepEqual(
      sent.actions.map((a) => a.kind),
      ['comment', 'reopen', 'rating'],
    );
    const outgoing = JSON.stringify(sent);
    assert.match(outgoing, /wali murid/);
    for (const secret of ['Andi', 'Pratama', '3456-7890', 'andi@example.id'])
      assert.ok(!outgoing.includes(secret), secret);
  });
});
