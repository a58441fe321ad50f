import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { smtpMailer } from '../notifications/mailer';
import { createRouting, type Routing, routingFile } from '../outbox/routing';
import { openNote } from '../privacy/sealed-notes';
import { capturedLogger } from '../testing/captured-logger';
import { startSmtpPeer } from '../testing/smtp-peer';
import { sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { testOutbox } from '../testing/test-outbox';
import { ReplyAddresses } from './address';
import { startMailIntake } from './smtp-intake';

const DESK = 'pengaduan@smksmak.example.sch.id';
const REPORTER = 'andi.warga@example.id';
const TOKEN = 'token-layanan-surat-masuk-0123456789';
const replyAddresses = new ReplyAddresses(testKeyring.deriveSecrets('reply-address'), 'balas.lapor.example.go.id');

describe('replies by email', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let hub: Awaited<ReturnType<typeof testApp>>;
  let intake: Awaited<ReturnType<typeof startMailIntake>>;
  let routing: Routing;
  const { logger, lines } = capturedLogger();

  beforeEach(async () => {
    smtp = await startSmtpPeer();
    const mailer = smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>');
    routing = createRouting(
      routingFile.parse({ destinations: [{ type: 'email', name: 'desk', to: DESK }], default: 'desk' }),
      [],
      { mailer, replyAddresses },
    );
    hub = await testApp({ routing, replyAddresses, inboundMailToken: TOKEN });
    intake = await startMailIntake(
      {
        db: hub.db,
        directory: hub.directory,
        keyring: testKeyring,
        calendar: testCalendar,
        replyAddresses,
        clock: hub.clock,
        logger,
      },
      { port: 0, host: '127.0.0.1' },
    );
    outbox = testOutbox(hub, { routing, mailer, publicUrl: 'https://lapor.example.go.id', replyAddresses });
  });
  afterEach(async () => {
    await intake.close();
    await hub.close();
    await smtp.close();
  });
  let outbox: ReturnType<typeof testOutbox>;

  /** A person's mail client, sending through the hub's intake as their mail server would forward it. */
  const client = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
  const reply = (to: string, text: string, extra: object = {}) =>
    client().sendMail({ from: 'Seseorang <orang@example.id>', to, subject: 'Re: laporan', text, ...extra });

  async function filed() {
    const res = await hub.app.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...sampleReport, reporter: { name: 'Andi', email: REPORTER } }),
    });
    assert.equal(res.status, 201);
    const { trackingId } = (await res.json()) as { trackingId: string };
    await outbox.tick();
    return trackingId;
  }
  const mailTo = (address: string) => smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === address);
  const replyToOf = (mail: (typeof smtp.messages)[number] | undefined) =>
    mail?.replyTo && 'value' in mail.replyTo ? mail.replyTo.value[0]?.address : undefined;

  it('takes the desk’s reply as the institution’s response, and the reporter’s as a comment passed back to the desk', async () => {
    const trackingId = await filed();
    const [toDesk] = mailTo(DESK);
    const deskAddress = replyToOf(toDesk);
    assert.equal(deskAddress, replyAddresses.address(trackingId, 'desk'));
    assert.match(toDesk?.text ?? '', /Balas email ini untuk menanggapi laporan/);

    const { reports, reportEvents, deliveries } = hub.db.$tables;
    const notified = async () =>
      (await hub.db.select().from(deliveries).where(eq(deliveries.kind, 'notification'))).length;
    const before = await notified();
    await reply(
      deskAddress ?? '',
      'Terima kasih. Pungutan itu sudah kami hentikan dan uang dikembalikan Senin depan.\n\n' +
        'Salam,\nTata Usaha\n\nPada Sen, 16 Nov 2026 pukul 10.00, Hub LAPOR <lapor@example.go.id> menulis:\n> Pengaduan dari formulir\n> isi lama',
      { inReplyTo: toDesk?.messageId },
    );
    const [report] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    assert.equal(report?.status, 'followed_up', 'answered');
    const events = await hub.db
      .select()
      .from(reportEvents)
      .where(eq(reportEvents.reportId, report?.id ?? 0));
    assert.deepEqual(
      events.filter((e) => e.actor === 'institution').map((e) => e.status),
      ['verified', 'forwarded', 'followed_up'],
    );
    const answer = events.at(-1);
    assert.equal(
      openNote(testKeyring, trackingId, answer?.note ?? null),
      'Terima kasih. Pungutan itu sudah kami hentikan dan uang dikembalikan Senin depan.\n\nSalam,\nTata Usaha',
      'the quoted email is left out',
    );
    assert.equal(await notified(), before + 1, 'the reporter hears once, of the answer');

    await outbox.tick();
    const toReporter = mailTo(REPORTER).at(-1);
    assert.match(toReporter?.text ?? '', /Pungutan itu sudah kami hentikan/);
    assert.match(toReporter?.text ?? '', /Balas email ini untuk menambahkan keterangan/);
    const reporterAddress = replyToOf(toReporter);
    assert.equal(reporterAddress, replyAddresses.address(trackingId, 'reporter'));

    const messageId = '<balasan-andi-1@example.id>';
    await reply(reporterAddress ?? '', 'Uangnya belum kembali sampai hari ini.\n\nDikirim dari iPhone saya', {
      messageId,
    });
    await reply(reporterAddress ?? '', 'Uangnya belum kembali sampai hari ini.', { messageId });
    const comments = (
      await hub.db
        .select()
        .from(reportEvents)
        .where(eq(reportEvents.reportId, report?.id ?? 0))
    ).filter((e) => e.actor === 'reporter' && e.type === 'message');
    assert.equal(comments.length, 1, 'delivered twice, taken once');
    assert.equal(
      openNote(testKeyring, trackingId, comments[0]?.note ?? null),
      'Uangnya belum kembali sampai hari ini.',
    );
    await outbox.tick();
    const passedOn = mailTo(DESK).at(-1);
    assert.match(passedOn?.subject ?? '', /Tambahan dari pelapor/);
    assert.match(passedOn?.text ?? '', /Uangnya belum kembali/);
    assert.equal(replyToOf(passedOn), deskAddress);

    const logged = lines.join('\n');
    assert.match(logged, /email reply/, 'the intake logs what it took');
    for (const secret of [REPORTER, 'orang@example.id', 'Uangnya', 'Pungutan'])
      assert.ok(!logged.includes(secret), secret);
  });

  it('bounces what it cannot take, and drops auto-replies and bounces without an answer', async () => {
    const trackingId = await filed();
    const address = replyAddresses.address(trackingId, 'reporter');
    const forged = address.replace(
      /\.([0-9a-f])([0-9a-f]+)@/,
      (_, first: string, rest: string) => `.${first === 'a' ? 'b' : 'a'}${rest}@`,
    );
    await assert.rejects(reply(forged, 'Halo'), (error: { responseCode?: number; response?: string }) => {
      assert.equal(error.responseCode, 550);
      assert.match(error.response ?? '', /Alamat balasan tidak dikenal/);
      return true;
    });
    await assert.rejects(reply(address, '\n> hanya kutipan\n> tanpa balasan'), (error: { responseCode?: number }) => {
      assert.equal(error.responseCode, 550);
      return true;
    });
    await reply(address, 'Saya sedang cuti sampai 1 Desember.', { headers: { 'Auto-Submitted': 'auto-replied' } });
    await client().sendMail({
      envelope: { from: '', to: address },
      from: 'MAILER-DAEMON@example.id',
      to: address,
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system at host example.id. I am sorry to have to inform you...',
    });
    // A person's reply after them is taken: the machines' left nothing before it.
    await reply(address, 'Kuitansi menyusul besok.');
    const { reportEvents } = hub.db.$tables;
    const messages = (await hub.db.select().from(reportEvents)).filter((e) => e.type === 'message');
    assert.deepEqual(
      messages.map((e) => openNote(testKeyring, trackingId, e.note)),
      ['Kuitansi menyusul besok.'],
      'nothing recorded from a machine',
    );
  });

  it('takes a reply an inbound-mail service posts, with its token', async () => {
    const trackingId = await filed();
    const raw = [
      `To: ${replyAddresses.address(trackingId, 'reporter')}`,
      'From: Andi <andi.warga@example.id>',
      'Subject: Re: Laporan',
      'Message-ID: <webhook-1@example.id>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kuitansinya akan saya kirim lewat situs.',
      '',
      'On Mon, Nov 16, 2026 at 10:00 AM Hub LAPOR <lapor@example.go.id> wrote:',
      '> isi lama',
    ].join('\r\n');
    const post = (body: BodyInit, headers: Record<string, string>) =>
      hub.app.request('/mail/v1/inbound', { method: 'POST', body, headers });
    assert.equal((await post(raw, { 'Content-Type': 'message/rfc822' })).status, 401);
    const res = await post(raw, { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` });
    assert.deepEqual(await res.json(), { taken: true });
    const form = new FormData();
    form.set(
      'email',
      raw.replace('webhook-1', 'webhook-2').replace(/To: .*/, 'To: 1234.p.00@balas.lapor.example.go.id'),
    );
    const refused = await post(form, { Authorization: `Bearer ${TOKEN}` });
    assert.equal(refused.status, 422);
    const { reportEvents } = hub.db.$tables;
    const comments = (await hub.db.select().from(reportEvents)).filter((e) => e.type === 'message');
    assert.deepEqual(
      comments.map((e) => openNote(testKeyring, trackingId, e.note)),
      ['Kuitansinya akan saya kirim lewat situs.'],
    );
  });
});
