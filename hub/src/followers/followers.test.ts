import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { smtpMailer } from '../notifications/mailer';
import { fileReport, forwardReport, projectAll } from '../testing/published';
import { startSmtpPeer } from '../testing/smtp-peer';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { testOutbox } from '../testing/test-outbox';
import { recordTransition } from '../workflow/transitions';

const PUBLIC_URL = 'https://lapor.example.go.id';
const FOLLOWER = 'warga.lain@example.id';
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  smtp = await startSmtpPeer();
  hub = await testApp({ mailer: smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>') });
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
  await smtp.close();
});

const worker = () =>
  testOutbox(hub, { mailer: smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>'), publicUrl: PUBLIC_URL });

/** Every due delivery sent. */
async function deliver() {
  const w = worker();
  for (let i = 0; i < 5; i++) await w.tick();
}

const to = (address: string) =>
  smtp.messages.filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);
const follow = (trackingId: string, body: object) => postJson(hub.app, `/api/v1/reports/${trackingId}/followers`, body);
const linkIn = (text: string | undefined, path: string) => {
  const found = new RegExp(`https?://[^/\\s]+(/api/v1/notifications/${path}\\?[^\\s"]+)`).exec(text ?? '')?.[1];
  assert.ok(found, `a ${path} link in the email`);
  return found.replace(/&amp;/g, '&');
};
const move = (id: number, to: 'followed_up' | 'finished' | 'reopened') =>
  recordTransition(hub.db, testKeyring, id, { to, actor: 'institution', at: hub.clock() });

describe('following a report instead of filing it again', () => {
  it('emails a confirmed follower each change, without the reporter or the response, until one click stops it', async () => {
    const report = await fileReport(hub);
    await forwardReport(hub, report.id);
    await projectAll(hub);

    const asked = await follow(report.trackingId, { email: FOLLOWER });
    assert.equal(asked.status, 202, await asked.clone().text());
    const [confirmation] = to(FOLLOWER);
    assert.ok(confirmation, 'a confirmation email');
    const confirmLink = linkIn(confirmation.text, 'follow');
    const { reportFollowers } = hub.db.$tables;
    const [stored] = await hub.db.select().from(reportFollowers);
    assert.ok(stored, 'the follower is stored');
    assert.ok(!stored.email.includes('warga'), 'the address is sealed');
    assert.equal(stored.confirmed, false);

    // Unconfirmed: a change reaches the reporter only.
    await move(report.id, 'followed_up');
    await deliver();
    assert.equal(to(FOLLOWER).length, 1, 'nothing but the confirmation before it is confirmed');
    assert.ok(to(sampleReport.reporter.email).length > 0, 'the reporter heard of it');

    // A mail scanner opening the link does nothing; the button does.
    const page = await hub.app.request(confirmLink);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post">/);
    assert.equal((await hub.db.select().from(reportFollowers))[0]?.confirmed, false);
    assert.equal((await hub.app.request(confirmLink, { method: 'POST' })).status, 200);
    assert.equal((await hub.app.request(confirmLink, { method: 'POST' })).status, 404, 'the link works once');

    await move(report.id, 'finished');
    await deliver();
    const news = to(FOLLOWER)[1];
    assert.ok(news, 'the follower heard of the change');
    assert.equal(news.subject, `Laporan ${report.trackingId}: selesai`);
    assert.match(news.text ?? '', /yang Anda pantau/);
    assert.match(news.text ?? '', new RegExp(`${PUBLIC_URL}/lacak/#lapor=${report.trackingId}`));
    const oneClick = news.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line;
    assert.equal(oneClick, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const mail = `${news.text}${news.html}`;
    for (const hidden of [
      sampleReport.reporter.name,
      sampleReport.reporter.email,
      sampleReport.reporter.phone,
      'Rp250.000',
    ]) {
      assert.ok(!mail.includes(hidden), `the follower's email holds ${hidden}`);
    }

    const stop = linkIn(news.text, 'unfollow');
    assert.equal((await hub.app.request(stop)).status, 200);
    assert.equal((await hub.app.request(stop, { method: 'POST' })).status, 200);
    assert.deepEqual(await hub.db.select().from(reportFollowers), [], 'the address is deleted');
    await move(report.id, 'reopened');
    await deliver();
    assert.equal(to(FOLLOWER).length, 2, 'no email after stopping');
    const forged = stop.replace(/token=[^&]+/, 'token=forged');
    assert.equal((await hub.app.request(forged, { method: 'POST' })).status, 404);
  });

  it('answers the same for an address that already follows, and keeps one follower per address', async () => {
    const report = await fileReport(hub);
    await forwardReport(hub, report.id);
    await projectAll(hub);
    assert.equal((await follow(report.trackingId, { email: FOLLOWER })).status, 202);
    assert.equal((await follow(report.trackingId, { email: ` ${FOLLOWER.toUpperCase()} `, locale: 'en' })).status, 202);
    assert.equal((await hub.db.select().from(hub.db.$tables.reportFollowers)).length, 1);
    const links = smtp.messages.map((mail) => linkIn(mail.text, 'follow'));
    assert.equal(links.length, 2, 'a new link each time');
    assert.equal(
      (await hub.app.request(links[0] ?? '', { method: 'POST' })).status,
      404,
      'the older link no longer works',
    );
    assert.equal((await hub.app.request(links[1] ?? '', { method: 'POST' })).status, 200);
  });

  it('offers nothing to follow of a report not yet forwarded, a confidential or a finished one: one 404 for all', async () => {
    const waiting = await fileReport(hub);
    const secret = await fileReport(hub, { confidential: true });
    const done = await fileReport(hub);
    const open = await fileReport(hub);
    for (const report of [secret, done, open]) await forwardReport(hub, report.id);
    await move(done.id, 'followed_up');
    await move(done.id, 'finished');
    await projectAll(hub);
    assert.equal((await follow(open.trackingId, { email: FOLLOWER })).status, 202, 'an open published report');
    for (const report of [waiting, secret, done]) {
      const res = await follow(report.trackingId, { email: FOLLOWER });
      assert.equal(res.status, 404, report.trackingId);
    }
    assert.equal((await follow('LPR-0000', { email: FOLLOWER })).status, 400);
    const bad = await follow(open.trackingId, { email: 'bukan alamat' });
    assert.equal(bad.status, 400);
    assert.ok((await bad.json()).error.fields.email);
    assert.equal(to(FOLLOWER).length, 1);
  });
});

describe('following without a mail server', () => {
  it('says the email cannot go out and keeps nothing', async () => {
    const bare = await testApp();
    try {
      const report = await fileReport(bare);
      await forwardReport(bare, report.id);
      await projectAll(bare);
      const res = await postJson(bare.app, `/api/v1/reports/${report.trackingId}/followers`, { email: FOLLOWER });
      assert.equal(res.status, 503);
      assert.equal((await res.json()).error.code, 'email_unavailable');
      const { reportFollowers } = bare.db.$tables;
      assert.deepEqual(await bare.db.select().from(reportFollowers).where(eq(reportFollowers.reportId, report.id)), []);
    } finally {
      await bare.close();
    }
  });
});
