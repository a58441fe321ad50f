import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { runCli } from '../cli';
import { smtpMailer } from '../notifications/mailer';
import { createRouting, type Routing, routingFile } from '../outbox/routing';
import { createKeyring } from '../privacy/keyring';
import { openNote } from '../privacy/sealed-notes';
import { actOnReport } from '../reports/actions';
import { startSmtpPeer } from '../testing/smtp-peer';
import { sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';
import { type TestClock, testClock } from '../testing/test-clock';
import { testOutbox } from '../testing/test-outbox';
import { DeskLinks, revokeDeskLinks } from './links';
import { queueDeskReminders } from './reminders';

const DESK = 'pengaduan@smksmak.example.sch.id';
const ORIGIN = 'http://localhost';

describe('the desk page', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let hub: Awaited<ReturnType<typeof testApp>>;
  let routing: Routing;
  let clock: TestClock;
  let outbox: ReturnType<typeof testOutbox>;
  const links = new DeskLinks(testKeyring.deriveSecrets('desk-link'), ORIGIN);

  beforeEach(async () => {
    clock = testClock();
    smtp = await startSmtpPeer();
    const mailer = smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>');
    routing = createRouting(
      routingFile.parse({
        destinations: [
          { type: 'email', name: 'desk', to: DESK },
          { type: 'email', name: 'kemenkes-desk', to: 'aduan@kemenkes.example.go.id' },
        ],
        routes: [{ institution: 'kemenkes', destination: 'kemenkes-desk' }],
        default: 'desk',
      }),
      [],
      { mailer, deskLink: (trackingId) => links.url(trackingId, clock()) },
    );
    hub = await testApp({ routing, clock, deskLinks: links });
    outbox = testOutbox(hub, { routing, mailer, publicUrl: ORIGIN });
  });
  afterEach(async () => {
    await hub.close();
    await smtp.close();
  });

  /** Files a report, sends it to the desk, and returns the desk page's address from the email. */
  async function sentToDesk(extra: object = {}) {
    const res = await hub.app.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...sampleReport,
        reporter: { name: 'Rahmat Hidayat', email: 'rahmat@example.id' },
        ...extra,
      }),
    });
    const { trackingId } = (await res.json()) as { trackingId: string };
    await outbox.tick();
    const mail = smtp.messages.findLast((m) => m.to && 'text' in m.to && m.to.text === DESK);
    const link = new RegExp(`${ORIGIN}(/desk/v1/[\\w.-]+)`).exec(mail?.text ?? '')?.[1];
    assert.ok(link, 'the desk’s email links to its page');
    return { trackingId, link };
  }
  const open = (link: string) => hub.app.request(link);
  const act = (link: string, fields: Record<string, string>, origin = ORIGIN) =>
    hub.app.request(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams(fields).toString(),
    });
  const recordReporterComment = async (reportId: number) => {
    const { reports } = hub.db.$tables;
    const [row] = await hub.db.select().from(reports).where(eq(reports.id, reportId));
    assert.ok(row);
    await actOnReport(
      hub.db,
      row,
      { kind: 'comment', text: 'Kuitansi saya lampirkan lewat situs.' },
      {
        keyring: testKeyring,
        calendar: testCalendar,
        timeZone: 'Asia/Makassar',
        now: clock(),
      },
    );
  };
  const reportOf = async (trackingId: string) => {
    const { reports } = hub.db.$tables;
    const [row] = await hub.db.select().from(reports).where(eq(reports.trackingId, trackingId));
    assert.ok(row);
    return row;
  };

  it('lets the desk verify, ask for more, answer and finish, each heard by the reporter', async () => {
    const { trackingId, link } = await sentToDesk();
    const opened = await open(link);
    // A page's policy: its forms post to the hub itself, and no other site may frame it.
    assert.match(opened.headers.get('content-security-policy') ?? '', /form-action 'self'.*frame-ancestors 'none'/);
    assert.equal(opened.headers.get('referrer-policy'), 'no-referrer', 'the link is not passed on');
    const page = await opened.text();
    assert.match(page, new RegExp(`Pengaduan ${trackingId}`));
    assert.ok(page.includes(sampleReport.body), 'the report as the desk received it');
    assert.ok(page.includes('Rahmat Hidayat'), 'a named reporter is named to the desk');
    assert.match(page, /name="action" value="verify"/);
    assert.match(page, /Batas verifikasi dan penerusan: 2026-11-19/);

    assert.equal(
      (await act(link, { action: 'verify' }, 'https://penyerang.example')).status,
      403,
      'a form from elsewhere',
    );
    const verified = await act(link, { action: 'verify' });
    assert.equal(verified.status, 303);
    assert.match(await (await open(verified.headers.get('location') ?? '')).text(), /Laporan terverifikasi\./);
    assert.equal((await reportOf(trackingId)).status, 'verified');

    const empty = await act(link, { action: 'answer', text: '  ' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /role="alert">Tulis keterangannya/);
    assert.equal((await act(link, { action: 'ask', text: 'Mohon lampirkan foto kuitansi.' })).status, 303);
    assert.equal(
      (await act(link, { action: 'answer', text: 'Pungutan dihentikan dan uang dikembalikan.' })).status,
      303,
    );
    assert.equal((await act(link, { action: 'finish' })).status, 303);

    const report = await reportOf(trackingId);
    assert.equal(report.status, 'finished');
    const { reportEvents, deliveries } = hub.db.$tables;
    const events = await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id));
    assert.deepEqual(
      events
        .filter((e) => e.actor === 'institution')
        .map((e) => [e.type, e.status, openNote(testKeyring, trackingId, e.note)]),
      [
        ['status', 'verified', null],
        ['message', null, 'Mohon lampirkan foto kuitansi.'],
        ['status', 'forwarded', null],
        ['status', 'followed_up', 'Pungutan dihentikan dan uang dikembalikan.'],
        ['status', 'finished', null],
      ],
    );
    const notified = await hub.db.select().from(deliveries).where(eq(deliveries.kind, 'notification'));
    // Submitted, verified, asked, answered, finished: the step to forwarded on the way is not news of its own.
    assert.equal(notified.length, 5);
    assert.match(await (await open(link)).text(), /tidak ada tindakan lagi/);
    assert.equal(
      (await act(link, { action: 'answer', text: 'Lagi.' })).status,
      400,
      'a finished report takes no answer',
    );
  });

  it('forwards a report to the institution with authority, through that institution’s own destination', async () => {
    const { trackingId, link } = await sentToDesk({ anonymous: true });
    const page = await (await open(link)).text();
    assert.ok(page.includes('Anonim: identitas pelapor tidak disampaikan'));
    assert.ok(!page.includes('Rahmat'), 'an anonymous reporter stays unnamed to the desk');
    assert.equal((await act(link, { action: 'forward', institution: 'tidak-ada' })).status, 400);
    assert.equal(
      (await act(link, { action: 'forward', institution: 'kemenkes', text: 'Wewenang Kemenkes.' })).status,
      303,
    );
    const report = await reportOf(trackingId);
    assert.equal(report.status, 'forwarded');
    const { deliveries, reportEvents } = hub.db.$tables;
    const [last] = (await hub.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id))).slice(-1);
    assert.equal(last?.institution, 'kemenkes');
    const sent = await hub.db.select().from(deliveries).where(eq(deliveries.reportId, report.id));
    assert.deepEqual(
      sent.filter((d) => d.kind === 'report').map((d) => d.destination),
      ['desk', 'kemenkes-desk'],
    );
    // The reporter's later words go to the institution holding the report now.
    await recordReporterComment(report.id);
    const after = await hub.db.select().from(deliveries).where(eq(deliveries.reportId, report.id));
    assert.deepEqual(
      after.filter((d) => d.kind === 'comment').map((d) => d.destination),
      ['kemenkes-desk'],
    );
  });

  it('refuses a link forged, expired or revoked, and opens a new one the operator issues', async () => {
    const { trackingId, link } = await sentToDesk();
    assert.equal((await open(link)).status, 200);
    assert.equal((await open(link.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).status, 404);
    await revokeDeskLinks(hub.db, trackingId, clock());
    const revoked = await open(link);
    assert.equal(revoked.status, 404);
    assert.match(await revoked.text(), /Tautan ini tidak berlaku/);
    const fresh = new URL(await links.issue(hub.db, trackingId, clock())).pathname;
    assert.equal((await open(fresh)).status, 200);
    // A rotation of the data key: links given before it still open the page.
    const rotated = createKeyring(
      new Map([
        ['next', Buffer.alloc(32, 9)],
        ['test', Buffer.alloc(32, 7)],
      ]),
    );
    assert.equal(
      (
        await new DeskLinks(rotated.deriveSecrets('desk-link'), ORIGIN).open(
          hub.db,
          fresh.split('/').at(-1) ?? '',
          clock(),
        )
      ).trackingId,
      trackingId,
    );
    clock.advance(151 * 24 * 60 * 60_000);
    assert.equal((await open(fresh)).status, 404, 'expired');
  });

  it('gives the operator a new link, and revokes them, from the command line', async () => {
    const { trackingId, link } = await sentToDesk();
    const env = {
      DATA_DIR: hub.dir,
      DATABASE_URL: hub.db.$dialect === 'postgres' ? hub.database : `file:${hub.database}`,
      PUBLIC_URL: ORIGIN,
      LAPOR_DATA_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    const printed: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
    try {
      assert.equal(await runCli(['desk', 'revoke', trackingId], env, clock), 0);
      assert.equal((await open(link)).status, 404);
      assert.equal(await runCli(['desk', 'link', trackingId], env, clock), 0);
    } finally {
      console.log = log;
    }
    const issued = printed.at(-1) ?? '';
    assert.ok(issued.startsWith(`${ORIGIN}/desk/v1/`), issued);
    assert.equal((await open(new URL(issued).pathname)).status, 200);
  });

  it('reminds the desk the working day before a deadline falls due, once, with its link', async () => {
    const { trackingId } = await sentToDesk({ title: 'Pungutan daftar ulang oleh Rahmat Hidayat', anonymous: true });
    const deps = { db: hub.db, directory: hub.directory, calendar: testCalendar, routing };
    const reminders = () =>
      smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === DESK && /Pengingat/.test(m.subject ?? ''));
    // Monday: forwarding is due Thursday, three working days away.
    assert.equal(await queueDeskReminders(deps, clock()), 0);
    clock.set('2026-11-18T03:00:00Z');
    assert.equal(await queueDeskReminders(deps, clock()), 1, 'Wednesday: due tomorrow');
    assert.equal(await queueDeskReminders(deps, clock()), 0, 'once');
    clock.set('2026-11-19T03:00:00Z');
    assert.equal(await queueDeskReminders(deps, clock()), 0, 'the same deadline on its day: already reminded');
    await outbox.tick();
    const [reminder] = reminders();
    assert.equal(reminders().length, 1);
    assert.match(reminder?.text ?? '', /Batas verifikasi dan penerusan \(3 hari kerja\): 2026-11-19/);
    assert.match(reminder?.text ?? '', new RegExp(`${ORIGIN}/desk/v1/${trackingId.toLowerCase()}\\.`));
    assert.ok(reminder?.subject?.includes('Pungutan daftar ulang'));
    assert.ok(!`${reminder?.subject}${reminder?.text}`.includes('Rahmat'), 'an anonymous reporter stays unnamed');

    // Answered on time: nothing more is due of the desk before resolution, weeks away.
    const link = new RegExp(`${ORIGIN}(/desk/v1/[\\w.-]+)`).exec(reminder?.text ?? '')?.[1] ?? '';
    assert.equal((await act(link, { action: 'answer', text: 'Sudah kami tindak lanjuti.' })).status, 303);
    clock.set('2026-11-24T03:00:00Z');
    assert.equal(await queueDeskReminders(deps, clock()), 0);
  });
});
