import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { listDeliveries } from '../operator/operator';
import { startSmtpPeer } from '../testing/smtp-peer';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { testOutbox } from '../testing/test-outbox';
import { recordMessage, recordTransition } from '../workflow/transitions';
import { type Mailer, smtpMailer } from './mailer';
import { notificationMail } from './message';

const PUBLIC_URL = 'https://lapor.example.go.id';
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  smtp = await startSmtpPeer();
  hub = await testApp();
});
afterEach(async () => {
  await hub.close();
  await smtp.close();
});

const worker = (mailer: Mailer = smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>')) =>
  testOutbox(hub, { mailer, publicUrl: PUBLIC_URL });

async function file(extra: object = {}) {
  const { reports } = hub.db.$tables;
  const created = await (await postJson(hub.app, '/api/v1/reports', { ...sampleReport, ...extra })).json();
  const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, created.trackingId));
  assert.ok(row);
  return { ...created, id: row.id } as { trackingId: string; receipt: string; id: number };
}

const notifications = async () => {
  const { deliveries } = hub.db.$tables;
  return await hub.db.select().from(deliveries).where(eq(deliveries.kind, 'notification')).orderBy(deliveries.id);
};

describe('notifications to the reporter', () => {
  it('email a status change once, in Indonesian, with the tracker and an opt-out, never the receipt', async () => {
    const { trackingId, receipt, id } = await file();
    await recordTransition(hub.db, testKeyring, id, { to: 'submitted', actor: 'hub', at: hub.clock() });
    await recordTransition(hub.db, testKeyring, id, { to: 'verified', actor: 'national', at: hub.clock() });
    const w = worker();
    await w.tick();
    await w.tick();
    assert.equal(smtp.messages.length, 2);
    const [first, second] = smtp.messages;
    assert.equal(first?.to && 'text' in first.to ? first.to.text : '', 'andi@example.id');
    assert.equal(second?.subject, `Laporan ${trackingId}: terverifikasi`);
    assert.match(second?.text ?? '', new RegExp(`${PUBLIC_URL}/lacak/#lapor=${trackingId}`));
    assert.match(second?.text ?? '', /\/api\/v1\/notifications\/opt-out\?report=/);
    const oneClick = second?.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line;
    assert.equal(oneClick, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    for (const mail of smtp.messages)
      assert.ok(!`${mail.text}${mail.html}`.includes(receipt), 'the receipt is never emailed');
  });

  it('say where a sent report went: SP4N-LAPOR!, or the institution’s own desk', () => {
    const mail = (sentTo?: 'sp4n-lapor' | 'institution') =>
      notificationMail({
        locale: 'id',
        trackingId: 'LPR-0000-0000-0',
        event: { type: 'status', status: 'submitted', note: null, reference: '2026003' },
        trackerUrl: `${PUBLIC_URL}/lacak/`,
        optOutUrl: `${PUBLIC_URL}/opt-out`,
        ...(sentTo && { sentTo }),
      });
    assert.equal(mail('institution').subject, 'Laporan LPR-0000-0000-0: dikirim ke instansi tujuan');
    assert.doesNotMatch(mail('institution').text, /dikirim ke SP4N/);
    assert.equal(mail('sp4n-lapor').subject, 'Laporan LPR-0000-0000-0: dikirim ke SP4N-LAPOR!');
    assert.match(mail('sp4n-lapor').text, /^Nomor laporan di SP4N-LAPOR!: 2026003$/m);
    assert.match(mail('institution').text, /^Nomor laporan di instansi tujuan: 2026003$/m);
  });

  it('escape an institution’s response and the links in the HTML part', () => {
    const mail = notificationMail({
      locale: 'id',
      trackingId: 'LPR-0000-0000-0',
      event: {
        type: 'message',
        status: null,
        reference: null,
        note: 'Sudah <b>diperbaiki</b> & <script>alert(1)</script>',
      },
      trackerUrl: `${PUBLIC_URL}/lacak/?id=LPR-0000-0000-0&x="y"`,
      optOutUrl: `${PUBLIC_URL}/opt-out?report=LPR-0000-0000-0&token=t`,
    });
    assert.match(mail.html, /Sudah &lt;b&gt;diperbaiki&lt;\/b&gt; &amp; &lt;script&gt;/);
    assert.match(mail.html, /href="[^"]+\/lacak\/\?id=LPR-0000-0000-0&amp;x=&quot;y&quot;"/);
    assert.match(mail.html, /<p>/);
    assert.doesNotMatch(mail.html, /<script>|<b>/);
  });

  it('speak English to a reporter who filed in English, and carry responses', async () => {
    const { trackingId, id } = await file({ locale: 'en' });
    await recordMessage(hub.db, testKeyring, id, {
      actor: 'institution',
      note: 'The fee has been refunded.',
      at: hub.clock(),
    });
    await worker().tick();
    assert.equal(smtp.messages[0]?.subject, `Report ${trackingId}: a new response`);
    assert.match(smtp.messages[0]?.text ?? '', /The fee has been refunded\./);
  });

  it('say nothing of a confidential report’s content', async () => {
    const { id } = await file({ confidential: true });
    await recordMessage(hub.db, testKeyring, id, {
      actor: 'institution',
      note: 'Kepala sekolah telah diperiksa.',
      at: hub.clock(),
    });
    await worker().tick();
    assert.equal(smtp.messages.length, 1, 'the reporter was told');
    assert.match(smtp.messages[0]?.text ?? '', /tanggapan/i);
    assert.ok(!`${smtp.messages[0]?.text}${smtp.messages[0]?.html}`.includes('Kepala sekolah'));
  });

  it('keep a mail server’s refusal for the operator without the address it quotes', async () => {
    const { id } = await file();
    smtp.refused.add('andi@example.id');
    await recordTransition(hub.db, testKeyring, id, { to: 'submitted', actor: 'hub', at: hub.clock() });
    await worker().tick();
    const [refusal] = await notifications();
    assert.match(refusal?.lastError ?? '', /550.*Recipient address rejected/);
    assert.ok(!refusal?.lastError?.includes('andi@example.id'));
    const [listed] = await listDeliveries(hub.db);
    assert.match(listed?.lastError ?? '', /Recipient address rejected/);
    assert.ok(!listed?.lastError?.includes('andi@'));
  });

  it('reach the reporter once when the hub stops after sending: the resend carries the same Message-ID', async () => {
    const { id } = await file();
    await recordTransition(hub.db, testKeyring, id, { to: 'submitted', actor: 'hub', at: hub.clock() });
    const real = smtpMailer(smtp.url, 'lapor@example.go.id');
    const crashing: Mailer = {
      send: async (mail) => {
        await real.send(mail);
        throw new Error('the hub stopped before recording');
      },
    };
    await worker(crashing).tick();
    await worker().tick(new Date(hub.clock().getTime() + 60_000));
    assert.equal((await notifications())[0]?.state, 'delivered');
    const ids = new Set(smtp.messages.map((m) => m.messageId));
    assert.equal(ids.size, 1, 'mail services drop a second copy with the same Message-ID');
  });

  it('stop after one click, and never for a reporter without an email or for the reporter’s own actions', async () => {
    const { reports } = hub.db.$tables;
    const { trackingId, receipt, id } = await file();
    await recordTransition(hub.db, testKeyring, id, { to: 'submitted', actor: 'hub', at: hub.clock() });
    await worker().tick();
    const link = new URL(/(https:\S+opt-out\S+)/.exec(smtp.messages[0]?.text ?? '')?.[1] ?? '');
    const page = await hub.app.request(`${link.pathname}${link.search}`);
    assert.match(await page.text(), /<button>/);
    assert.equal(
      (await hub.db.select().from(reports).where(eq(reports.id, id)))[0]?.notify,
      true,
      'opening the link changes nothing',
    );
    assert.equal((await hub.app.request(`${link.pathname}${link.search}`, { method: 'POST' })).status, 200);
    await recordTransition(hub.db, testKeyring, id, { to: 'verified', actor: 'national', at: hub.clock() });
    assert.equal((await notifications()).length, 1);
    const forged = await hub.app.request(`/api/v1/notifications/opt-out?report=${trackingId}&token=forged`, {
      method: 'POST',
    });
    assert.equal(forged.status, 404);

    const silent = await file({ reporter: { name: 'Tanpa Email' } });
    await recordTransition(hub.db, testKeyring, silent.id, { to: 'submitted', actor: 'hub', at: hub.clock() });
    await hub.app.request(`/api/v1/reports/${trackingId}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` },
      body: JSON.stringify({ text: 'Komentar saya sendiri.' }),
    });
    assert.equal((await notifications()).length, 1);
  });
});
