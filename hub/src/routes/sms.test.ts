import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { signedHeaders } from '../outbox/signature';
import { openReport } from '../privacy/sealed-report';
import { receiptMatches } from '../reports/receipt';
import { pruneSmsDrafts, SMS_PER_NUMBER_PER_HOUR } from '../sms/conversation';
import { smsGateway } from '../sms/gateways';
import { SmsSender } from '../sms/outbox';
import { SMS_REPLIES } from '../sms/replies';
import { fileReport, forwardReport } from '../testing/published';
import { PEER_LOGIN, startSmsPeer, TWILIO_ACCOUNT } from '../testing/sms-peer';
import { testApp, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { testOutbox } from '../testing/test-outbox';
import { recordTransition } from '../workflow/transitions';

const SIGNING_KEY = 'kunci-webhook-hp-sekolah';
const LAPOR_SECRET = 'rahasia-gateway-dinas-0001';
const PUBLIC_URL = 'https://lapor.contoh.go.id';
const CITIZEN = '+6281355512345';

describe('SMS gateways', () => {
  let hub: Awaited<ReturnType<typeof testApp>>;
  let peer: Awaited<ReturnType<typeof startSmsPeer>>;
  let sender: SmsSender;
  let outbox: ReturnType<typeof testOutbox>;
  let clock: TestClock;
  let events = 0;

  beforeEach(async () => {
    clock = testClock();
    peer = await startSmsPeer(LAPOR_SECRET);
    const gateways = new Map(
      [
        smsGateway({
          format: 'android-sms-gateway',
          name: 'hp-sekolah',
          institution: 'smk-smak-makassar',
          signingKey: SIGNING_KEY,
          sendUrl: `${peer.url}/android`,
          ...PEER_LOGIN,
        }),
        smsGateway({
          format: 'twilio',
          name: 'twilio-kota',
          institution: 'kemenkes',
          accountSid: TWILIO_ACCOUNT.sid,
          authToken: TWILIO_ACCOUNT.token,
          from: '+15005550006',
          apiUrl: `${peer.url}/twilio`,
        }),
        smsGateway({
          format: 'lapor',
          name: 'gammu-dinas',
          institution: 'smk-smak-makassar',
          secret: LAPOR_SECRET,
          sendUrl: `${peer.url}/lapor/send`,
        }),
      ].map((g) => [g.name, g]),
    );
    hub = await testApp({ clock, smsGateways: gateways, publicUrl: PUBLIC_URL });
    sender = new SmsSender({ db: hub.db, keyring: testKeyring, gateways, clock });
    outbox = testOutbox(hub, { smsGateways: gateways });
  });
  afterEach(async () => {
    await hub.close();
    await peer.close();
  });

  /** What SMS Gateway for Android posts for a message received, signed as its documentation gives. */
  const fromAndroid = (text: string, { id = `ev-${++events}`, key = SIGNING_KEY, from = CITIZEN } = {}) => {
    const body = JSON.stringify({
      deviceId: 'ffffffffceb0b1db00000193991c27e5',
      event: 'sms:received',
      id,
      payload: {
        message: text,
        receivedAt: '2026-11-16T11:00:00.000+08:00',
        messageId: 'a1b2c3',
        phoneNumber: from,
        simNumber: 1,
      },
      webhookId: 'LreFUt-Z3sSq0JufY9uWB',
    });
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    const signature = createHmac('sha256', key)
      .update(body + timestamp)
      .digest('hex');
    return hub.app.request('/sms/v1/hp-sekolah', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Timestamp': timestamp, 'X-Signature': signature },
      body,
    });
  };

  /** What Twilio posts for a message received, signed with Twilio's own helper over the address it posts to. */
  const fromTwilio = (text: string, { token = TWILIO_ACCOUNT.token, accountSid = TWILIO_ACCOUNT.sid } = {}) => {
    const params = {
      MessageSid: `SM${++events}`,
      AccountSid: accountSid,
      From: CITIZEN,
      To: '+15005550006',
      Body: text,
      NumMedia: '0',
    };
    const url = `${PUBLIC_URL}/sms/v1/twilio-kota`;
    return hub.app.request('/sms/v1/twilio-kota', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': getExpectedTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  };

  /** The hub's own format, signed like its webhooks, or with the secret as a bearer token. */
  const fromLapor = (text: string, { bearer, id = `gm-${++events}` }: { bearer?: string; id?: string } = {}) => {
    const body = JSON.stringify({ id, from: CITIZEN, to: '1708', text });
    return hub.app.request('/sms/v1/gammu-dinas', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : signedHeaders(LAPOR_SECRET, body, clock().getTime())),
      },
      body,
    });
  };

  /** Sends what is queued and returns the texts the gateways took since the last call. */
  let seen = 0;
  beforeEach(() => {
    seen = 0;
  });
  async function replies(): Promise<string[]> {
    await sender.tick();
    const texts = peer.sent.slice(seen).map((m) => m.text);
    seen = peer.sent.length;
    return texts;
  }

  const CHRONOLOGY =
    'Wali murid kelas X diminta membayar Rp250.000 saat daftar ulang tanpa kuitansi. Bendahara bilang itu wajib.';

  it('files a report written in three messages through SMS Gateway for Android, answering each by SMS', async () => {
    assert.equal((await fromAndroid(`LAPOR ANONIM ${CHRONOLOGY}`)).status, 200);
    assert.deepEqual(await replies(), [SMS_REPLIES.askPlace]);
    assert.equal(peer.sent[0]?.to, CITIZEN);
    assert.ok(peer.sent[0]?.id, 'sent with the hub’s own id for the message');
    await fromAndroid('Ruang TU SMK SMAK Makassar');
    assert.deepEqual(await replies(), [SMS_REPLIES.askDate]);
    const last = await fromAndroid('kemarin', { id: 'ev-last' });
    assert.equal(last.status, 200);
    assert.deepEqual(await last.json(), { received: true });

    const { reports, deliveries, smsOutbox, smsDrafts } = hub.db.$tables;
    const filed = await hub.db.select().from(reports);
    assert.equal(filed.length, 1);
    const [report] = filed;
    assert.ok(report);
    assert.deepEqual([report.channel, report.channelSource], ['sms', 'hp-sekolah']);
    const opened = openReport(testKeyring, report);
    assert.equal(opened.anonymous, true);
    assert.equal(opened.reporterPhone, CITIZEN);
    assert.equal(opened.incidentDate, '2026-11-15', 'yesterday where the school is (WITA)');
    assert.equal(opened.locationText, 'Ruang TU SMK SMAK Makassar');
    assert.equal(opened.title, 'Wali murid kelas X diminta membayar Rp250.000 saat daftar ulang tanpa kuitansi');
    assert.equal(opened.body, CHRONOLOGY);
    assert.ok(!JSON.stringify(report).includes('55512345'), 'the number is sealed like any contact');
    assert.equal((await hub.db.select().from(deliveries).where(eq(deliveries.reportId, report.id))).length, 1);

    const [receipt] = await replies();
    assert.ok(receipt);
    assert.ok(receipt.includes(report.trackingId));
    assert.ok(receipt.includes(`${PUBLIC_URL}/lacak/#lapor=${report.trackingId}`));
    const code = /Kode bukti[^:]*: (\S+)$/.exec(receipt)?.[1] ?? '';
    assert.ok(receiptMatches(code, report.receiptHash), 'the receipt lets the reporter reply and rate in the tracker');

    // The gateway did not hear our answer and posts the last message again: nothing is filed or sent twice.
    assert.equal((await fromAndroid('kemarin', { id: 'ev-last' })).status, 200);
    assert.equal((await hub.db.select().from(reports)).length, 1);
    assert.deepEqual(await replies(), []);

    const outbox = await hub.db.select().from(smsOutbox);
    assert.equal(outbox.length, 3);
    for (const row of outbox) {
      assert.equal(row.state, 'sent');
      assert.equal(row.recipient, null, 'once sent, the number is not kept');
      assert.equal(row.text, null);
    }
    assert.deepEqual(await hub.db.select().from(smsDrafts), []);
  });

  it('refuses what the gateway did not sign, and takes no other event for a message', async () => {
    assert.equal((await fromAndroid('LAPOR apa saja', { key: 'kunci-orang-lain-sama-panjang' })).status, 401);
    const ping = JSON.stringify({ event: 'system:ping', id: 'p1', payload: { health: 'pass' } });
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    const signed = {
      'X-Timestamp': timestamp,
      'X-Signature': createHmac('sha256', SIGNING_KEY)
        .update(ping + timestamp)
        .digest('hex'),
    };
    assert.equal(
      (await hub.app.request('/sms/v1/hp-sekolah', { method: 'POST', headers: signed, body: ping })).status,
      200,
    );
    clock.advance(10 * 60_000);
    const stale = await hub.app.request('/sms/v1/hp-sekolah', { method: 'POST', headers: signed, body: ping });
    assert.equal(stale.status, 401, 'a captured request cannot be replayed later');
    assert.equal((await fromTwilio('CEK LPR-0000', { token: 'another-auth-token-0123456789' })).status, 401);
    assert.equal((await fromTwilio('CEK LPR-0000', { accountSid: 'AC-someone-else' })).status, 401);
    assert.equal((await fromLapor('BANTUAN', { bearer: 'bukan-rahasia-gateway-ini' })).status, 401);
    assert.equal((await hub.app.request('/sms/v1/tidak-ada', { method: 'POST', body: '{}' })).status, 404);
    // Signed as it should be, the same gateway is answered: what was refused left nothing to send.
    await fromLapor('BANTUAN');
    assert.deepEqual(await replies(), [SMS_REPLIES.help]);
  });

  it('answers CEK through Twilio with the status the tracker shows, and nothing of the content', async () => {
    const { trackingId } = await fileReport(hub);
    const res = await fromTwilio(`cek ${trackingId.toLowerCase()}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/xml');
    assert.match(await res.text(), /<Response><\/Response>/);
    await fromTwilio('CEK LPR-ZZZZ-ZZZZ');
    const [status, unknown] = await replies();
    assert.equal(status, `Laporan ${trackingId}: diterima. Batas waktu tahap ini: 19 November 2026.`);
    assert.equal(unknown, SMS_REPLIES.notFound('LPR-ZZZZ-ZZZZ'));
    assert.deepEqual(
      peer.sent.map((m) => [m.via, m.to]),
      [
        ['twilio', CITIZEN],
        ['twilio', CITIZEN],
      ],
    );
  });

  it('in the hub’s own format: helps, cancels, and asks again for what it cannot read', async () => {
    await fromLapor('halo');
    await fromLapor('LAPOR jalan rusak', { bearer: LAPOR_SECRET });
    assert.deepEqual(await replies(), [SMS_REPLIES.help, SMS_REPLIES.tooShort]);
    await fromLapor(`LAPOR ${CHRONOLOGY}`);
    await fromLapor('batal');
    await fromLapor('BATAL');
    assert.deepEqual(await replies(), [SMS_REPLIES.askPlace, SMS_REPLIES.cancelled, SMS_REPLIES.nothingToCancel]);

    // Free text long enough is a report, as SMS 1708 takes it.
    await fromLapor(CHRONOLOGY);
    await fromLapor('x');
    await fromLapor('Jl. Merdeka 5');
    await fromLapor('besok');
    await fromLapor('31-12-2026');
    assert.deepEqual(await replies(), [
      SMS_REPLIES.askPlace,
      SMS_REPLIES.badPlace,
      SMS_REPLIES.askDate,
      SMS_REPLIES.badDate,
      SMS_REPLIES.badDate,
    ]);
    const form = new URLSearchParams({ id: 'gm-form', from: CITIZEN, text: '14/11' }).toString();
    const res = await hub.app.request('/sms/v1/gammu-dinas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${LAPOR_SECRET}` },
      body: form,
    });
    assert.equal(res.status, 200);
    const [report] = await hub.db.select().from(hub.db.$tables.reports);
    assert.equal(report?.incidentDate, '2026-11-14');
    assert.equal(report?.kind, 'pengaduan');
    const [receipt] = await replies();
    assert.ok(receipt?.startsWith(`Laporan diterima. Tracking ID: ${report?.trackingId}.`));
  });

  it('forgets what a report begun by SMS held once its draft has expired', async () => {
    await fromLapor(`LAPOR RAHASIA ${CHRONOLOGY}`);
    const { smsDrafts } = hub.db.$tables;
    assert.equal((await hub.db.select().from(smsDrafts)).length, 1, 'a draft waits for the place');
    clock.advance(23 * 60 * 60_000);
    await pruneSmsDrafts(hub.db, clock());
    assert.equal((await hub.db.select().from(smsDrafts)).length, 1, 'kept for a day');
    clock.advance(60 * 60_000);
    await pruneSmsDrafts(hub.db, clock());
    assert.deepEqual(await hub.db.select().from(smsDrafts), []);
  });

  it('stops answering a number that sends too much, and retries a gateway that failed', async () => {
    for (let i = 0; i <= SMS_PER_NUMBER_PER_HOUR; i++) await fromLapor('halo');
    assert.equal((await replies()).length, SMS_PER_NUMBER_PER_HOUR);

    clock.advance(60 * 60_000);
    peer.faults.failNext = 1;
    await fromLapor('BANTUAN');
    assert.deepEqual(await replies(), []);
    const [waiting] = await hub.db
      .select()
      .from(hub.db.$tables.smsOutbox)
      .where(eq(hub.db.$tables.smsOutbox.state, 'pending'));
    assert.equal(waiting?.attempts, 1);
    assert.match(waiting?.lastError ?? '', /gammu-dinas answered 503/);
    assert.ok(waiting?.recipient, 'kept, sealed, until it is sent');
    clock.advance(60_000);
    assert.deepEqual(await replies(), [SMS_REPLIES.help]);
  });

  it('tells an SMS reporter of the institution’s response by SMS, until they send BERHENTI', async () => {
    await fromAndroid(`LAPOR ${CHRONOLOGY}`);
    await fromAndroid('Ruang TU');
    await fromAndroid('hari ini');
    const [report] = await hub.db.select().from(hub.db.$tables.reports);
    assert.ok(report);
    await replies();
    await forwardReport(hub, report.id);
    await recordTransition(hub.db, testKeyring, report.id, {
      to: 'followed_up',
      actor: 'institution',
      note: 'Bendahara sudah ditegur dan pungutan dihentikan.',
      at: clock(),
    });
    await outbox.tick();
    const news = (await replies()).at(-1);
    assert.equal(
      news,
      `Laporan ${report.trackingId}: ditindaklanjuti. "Bendahara sudah ditegur dan pungutan dihentikan." Cek: CEK ${report.trackingId}. Tak ingin kabar: BERHENTI ${report.trackingId}.`,
    );
    assert.equal(peer.sent.at(-1)?.to, CITIZEN);

    await fromAndroid(`BERHENTI ${report.trackingId}`, { from: '+6281299990000' });
    await fromAndroid(`berhenti ${report.trackingId.toLowerCase()}`);
    assert.deepEqual(await replies(), [
      SMS_REPLIES.notFound(report.trackingId),
      SMS_REPLIES.stopped(report.trackingId),
    ]);
    await recordTransition(hub.db, testKeyring, report.id, { to: 'finished', actor: 'institution', at: clock() });
    await outbox.tick();
    assert.deepEqual(await replies(), [], 'stopped');
  });
});
