import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { runCli } from '../cli';
import { smtpMailer } from '../notifications/mailer';
import { fileReport, forwardReport, projectAll } from '../testing/published';
import { startSmtpPeer } from '../testing/smtp-peer';
import { postJson, testApp } from '../testing/test-app';

const TOKEN = 'operator-token-0123456789abcdef';
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  smtp = await startSmtpPeer();
  hub = await testApp({ adminToken: TOKEN, mailer: smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>') });
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
  await smtp.close();
});

const markAsOperator = (trackingId: string, original: string) =>
  postJson(
    hub.app,
    `/api/v1/admin/reports/${trackingId}/duplicate-of`,
    { original },
    { Authorization: `Bearer ${TOKEN}` },
  );

async function published() {
  const report = await fileReport(hub);
  await forwardReport(hub, report.id);
  return report;
}

describe('a report found to repeat an earlier one', () => {
  it('points its tracker to the original, and its followers follow the original', async () => {
    const original = await published();
    const repeat = await published();
    const again = await published();
    await projectAll(hub);
    // Someone follows the repeat, and confirms.
    assert.equal(
      (await postJson(hub.app, `/api/v1/reports/${repeat.trackingId}/followers`, { email: 'warga@example.id' })).status,
      202,
    );
    const link = /\/api\/v1\/notifications\/follow\?token=[\w-]+/.exec(smtp.messages.at(-1)?.text ?? '')?.[0];
    assert.ok(link);
    assert.equal((await hub.app.request(link, { method: 'POST' })).status, 200);

    const marked = await markAsOperator(repeat.trackingId, original.trackingId);
    assert.equal(marked.status, 200, await marked.clone().text());
    assert.deepEqual(await marked.json(), { original: original.trackingId, changed: true });
    const view = await (await hub.app.request(`/api/v1/reports/${repeat.trackingId}`)).json();
    assert.equal(view.duplicateOf, original.trackingId);
    assert.deepEqual(
      { type: view.timeline.at(-1).type, actor: view.timeline.at(-1).actor, reference: view.timeline.at(-1).reference },
      { type: 'duplicate', actor: 'hub', reference: original.trackingId },
    );
    const { reportFollowers } = hub.db.$tables;
    const followers = await hub.db.select().from(reportFollowers);
    assert.equal(followers.length, 1);
    assert.equal(followers[0]?.reportId, original.id, 'the follower now follows the original');

    // Following the repeat now follows the original.
    assert.equal(
      (await postJson(hub.app, `/api/v1/reports/${repeat.trackingId}/followers`, { email: 'tetangga@example.id' }))
        .status,
      202,
    );
    const pending = await hub.db.select().from(reportFollowers);
    assert.equal(pending.length, 2);
    assert.ok(pending.every((row) => row.reportId === original.id));

    // A report repeating the repeat points to the original itself; the same link again changes nothing.
    const chained = await markAsOperator(again.trackingId, repeat.trackingId);
    assert.deepEqual(await chained.json(), { original: original.trackingId, changed: true });
    assert.deepEqual(await (await markAsOperator(again.trackingId, original.trackingId)).json(), {
      original: original.trackingId,
      changed: false,
    });
    const itself = await markAsOperator(original.trackingId, again.trackingId);
    assert.equal(itself.status, 400, 'the original cannot repeat what repeats it');
    assert.equal((await markAsOperator(repeat.trackingId, 'LPR-0000-0000-0')).status, 404);
    assert.equal((await markAsOperator(repeat.trackingId, original.trackingId)).status, 200);
    const unauthorised = await postJson(hub.app, `/api/v1/admin/reports/${repeat.trackingId}/duplicate-of`, {
      original: original.trackingId,
    });
    assert.equal(unauthorised.status, 401);
  });

  it('can be linked from the operator’s command line', async () => {
    const original = await fileReport(hub);
    const repeat = await fileReport(hub);
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => printed.push(line);
    try {
      const env = { DATABASE_URL: hub.db.$sqlite ? `file:${hub.database}` : hub.database, DATA_DIR: hub.dir };
      assert.equal(await runCli(['report', 'duplicate', repeat.trackingId, original.trackingId], env), 0);
    } finally {
      console.log = log;
    }
    assert.deepEqual(printed, [`${repeat.trackingId} now points to ${original.trackingId}, which is handled instead.`]);
    const { reportEvents } = hub.db.$tables;
    const events = await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, repeat.id));
    assert.equal(events.at(-1)?.type, 'duplicate');
  });
});
