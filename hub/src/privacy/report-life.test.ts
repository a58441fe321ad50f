import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ATTACHMENT_TYPES, type AttachmentExtension, type ReportView } from '../../../contract';
import { ReplyAddresses } from '../mail-replies/address';
import type { Mail, Mailer } from '../notifications/mailer';
import { listDeliveries } from '../operator/operator';
import type { Destination, OutgoingAction, OutgoingReport } from '../outbox/destination';
import { createRouting, routingFile } from '../outbox/routing';
import { signedHeaders } from '../outbox/signature';
import { OutboxWorker } from '../outbox/worker';
import { capturedLogger } from '../testing/captured-logger';
import { storedText } from '../testing/database-probe';
import { closeMarkedFiles, filesUnder, findMarker, markedFile } from '../testing/marked-files';
import { projectAll } from '../testing/published';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';

/**
 * The proof of the reporter's privacy over a report's whole life, not only
 * its filing: generated reports with markers in the reporter's identity, the
 * confidential text, an attachment's metadata and its file name, then
 * comments, the institution's responses and forwarding, a reopening, a
 * rating, and a mail server refusing the reporter's address. No marker may
 * appear where its reader may not see it: the public view and public
 * downloads, what an anonymous report's institution receives, the logs, the
 * operator API's errors, and any byte under the data folder (where only
 * encrypted fields may hold them).
 */
const SECRET = 'desk-inbound-secret-0123456789';
const { logger, lines } = capturedLogger();
const received: { reports: OutgoingReport[]; actions: OutgoingAction[]; files: Buffer[] } = {
  reports: [],
  actions: [],
  files: [],
};
const desk: Destination = {
  name: 'desk',
  inboundSecret: SECRET,
  async deliver(report) {
    received.reports.push(report);
    for (const file of report.attachments) if (file.content) received.files.push(await file.content());
    return { externalRef: `DESK-${received.reports.length}` };
  },
  async deliverAction(action) {
    received.actions.push(action);
  },
};
/** A mail server that refuses each address once, quoting it, as real ones do; what it took is kept. */
const refusedOnce = new Set<string>();
const sent: Mail[] = [];
const mailer: Mailer = {
  async send(mail) {
    const to = String(mail.to);
    if (refusedOnce.has(to)) {
      sent.push(mail);
      return;
    }
    refusedOnce.add(to);
    throw new Error(`550 5.1.1 <${to}>: Recipient address rejected: User unknown`);
  },
};

let hub: Awaited<ReturnType<typeof testApp>>;
let worker: OutboxWorker;
/** The reporter also answers by email: the hub's emails carry reply addresses, and replies come through the webhook. */
const INBOUND_TOKEN = 'inbound-mail-token-0123456789';
const replyAddresses = new ReplyAddresses(testKeyring.deriveSecrets('reply-address'), 'balas.example.go.id');
before(async () => {
  const routing = createRouting(routingFile.parse({ default: 'desk' }), [desk]);
  hub = await testApp({ logger, routing, mailer, replyAddresses, inboundMailToken: INBOUND_TOKEN });
  worker = new OutboxWorker(
    {
      db: hub.db,
      directory: hub.directory,
      regions: hub.regions,
      keyring: testKeyring,
      routing,
      mailer,
      publicUrl: 'https://lapor.example.go.id',
      replyAddresses,
      attachments: hub.attachments,
      logger,
      clock: hub.clock,
    },
    { baseDelayMs: 1, maxDelayMs: 1 },
  );
});
after(async () => {
  await hub.close();
  await closeMarkedFiles();
});

const TYPES = (Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[]).filter((ext) => ext !== 'jpeg');
const word = fc.stringMatching(/^[A-Z][a-z]{5,8}$/);
const life = fc.record({
  name: word,
  mailbox: fc.stringMatching(/^[a-z]{6,9}$/),
  secret: word,
  ext: fc.constantFrom(...TYPES),
  anonymous: fc.boolean(),
  confidential: fc.boolean(),
});

let run = 0;
/** Runs the worker until nothing it can do now is left: deliveries, actions and emails, retried as they fail. */
async function drain() {
  for (let i = 0; i < 6; i++) {
    await worker.tick(new Date(hub.clock().getTime() + i * 60_000));
  }
}

describe('privacy over a report’s whole life', () => {
  it('keeps every marker where only those allowed can read it', async () => {
    await fc.assert(
      fc.asyncProperty(life, async (generated) => {
        // Each run's markers are its own: all runs share one hub and one data folder.
        run++;
        const { anonymous, confidential, ext } = generated;
        const name = `${generated.name}Nm${run}`;
        const email = `${generated.mailbox}${run}q@example.id`;
        const phone = `0812${String(run).padStart(4, '0')}7${run % 10}91`;
        const secret = `${generated.secret}Sc${run}`;
        const fileMarker = `Fl${run}Zq`;
        const metaMarker = `Mt${run}Wx`;
        const fileName = `KTP_${fileMarker}_${name}.${ext}`;
        received.reports.length = 0;
        received.actions.length = 0;
        received.files.length = 0;

        const form = new FormData();
        form.set(
          'report',
          JSON.stringify({
            ...sampleReport,
            title: `Laporan tentang ${secret} di loket`,
            body: `Kronologi: petugas ${secret} meminta uang tambahan di loket pelayanan.`,
            location: { text: `Kantor ${secret}` },
            anonymous,
            confidential,
            reporter: { name, email, phone },
          }),
        );
        form.append('attachments', new File([await markedFile(ext, metaMarker)], fileName));
        const filed = await hub.app.request('/api/v1/reports', { method: 'POST', body: form });
        assert.equal(filed.status, 201, await filed.clone().text());
        const { trackingId, receipt } = await filed.json();
        // Delivered, then the reporter's first email refused by their mail server: the operator sees why.
        await worker.tick();
        await worker.tick(new Date(hub.clock().getTime() + 60_000));
        const refusals = (await listDeliveries(hub.db)).filter((d) => d.lastError?.includes('Recipient address'));
        assert.ok(refusals.length > 0, 'the mail server’s refusal was kept');
        for (const d of refusals) assert.ok(!d.lastError?.includes(email), 'an error quotes the address');
        await drain();

        const asReporter = { 'Content-Type': 'application/json', Authorization: `Receipt ${receipt}` };
        const act = async (path: string, body: object) => {
          const res = await hub.app.request(`/api/v1/reports/${trackingId}/${path}`, {
            method: 'POST',
            headers: asReporter,
            body: JSON.stringify(body),
          });
          assert.equal(res.status, 201, `${path}: ${await res.clone().text()}`);
        };
        let events = 0;
        const fromDesk = async (event: object) => {
          const body = JSON.stringify({ eventId: `${trackingId}-${++events}`, report: trackingId, ...event });
          const res = await hub.app.request('/api/v1/destinations/desk/events', {
            method: 'POST',
            body,
            headers: { 'Content-Type': 'application/json', ...signedHeaders(SECRET, body) },
          });
          assert.equal(res.status, 200, await res.clone().text());
        };
        await act('comments', { text: `Saya ${name}, HP ${phone}, email ${email}; ${secret} masih meminta uang.` });
        await fromDesk({ type: 'status', status: 'verified' });
        await fromDesk({ type: 'status', status: 'forwarded', institution: 'kemenperin' });
        // Published: someone else follows it by email (the first confirmation refused, then sent and confirmed).
        const follower = `pengikut${run}q@example.id`;
        if (!confidential) {
          await projectAll(hub);
          const follow = () => postJson(hub.app, `/api/v1/reports/${trackingId}/followers`, { email: follower });
          assert.equal((await follow()).status, 503);
          assert.equal((await follow()).status, 202);
          const link = /\/api\/v1\/notifications\/follow\?token=[\w-]+/.exec(sent.at(-1)?.text ?? '')?.[0];
          assert.ok(link, 'the confirmation link');
          assert.equal((await hub.app.request(link, { method: 'POST' })).status, 200);
        }
        await fromDesk({ type: 'message', note: `Yth. ${name}, laporan tentang ${secret} sudah kami terima.` });
        await fromDesk({ type: 'status', status: 'followed_up', note: `${secret} telah ditegur; ${name} dihubungi.` });
        // The reporter answers the email about the follow-up from their mail client, quoting it.
        await drain();
        const news = sent.filter((mail) => String(mail.to) === email).at(-1);
        assert.ok(news?.replyTo, 'the reporter’s email carries their reply address');
        const replied = await hub.app.request('/mail/v1/inbound', {
          method: 'POST',
          headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${INBOUND_TOKEN}` },
          body: [
            `From: ${name} <${email}>`,
            `To: ${news.replyTo}`,
            `Subject: Re: ${news.subject}`,
            `Message-ID: <balasan-${run}@example.id>`,
            'Content-Type: text/plain; charset=utf-8',
            '',
            `Saya ${name} (${phone}, ${email}) masih menunggu; ${secret} belum mengembalikan uang.`,
            '',
            `Pada Sen, 16 Nov 2026 pukul 10.00, SP4N-LAPOR! <lapor@example.go.id> menulis:`,
            ...news.text.split('\n').map((line) => `> ${line}`),
          ].join('\r\n'),
        });
        assert.deepEqual(await replied.json(), { taken: true });
        await act('reopen', { reason: `${name} belum menerima uangnya kembali dari ${secret}.` });
        await fromDesk({ type: 'status', status: 'followed_up', note: `Uang ${name} dikembalikan.` });
        await act('rating', { score: 4, remark: `Terima kasih, salam dari ${name}.` });
        await drain();

        const neverPublic = [email, phone, phone.slice(4), fileMarker, metaMarker, follower];

        // What the follower was told: the changes, nothing of the reporter, the text or the responses.
        if (!confidential) {
          const news = sent.filter((mail) => String(mail.to) === follower && /yang Anda pantau/.test(mail.text));
          assert.ok(news.length >= 2, 'the follower heard of the changes');
          const told = news.map((mail) => `${mail.subject}${mail.text}${mail.html}`).join('\n');
          for (const marker of [name, email, phone, secret, receipt, fileMarker])
            assert.ok(!told.includes(marker), `a follower's email holds ${marker}`);
        }
        const hidden = [
          ...neverPublic,
          ...(anonymous || confidential ? [name] : []),
          ...(confidential ? [secret] : []),
        ];

        // The public view, and what it links to.
        const publicRes = await hub.app.request(`/api/v1/reports/${trackingId}`);
        const publicText = await publicRes.clone().text();
        const view: ReportView = await publicRes.json();
        assert.ok(view.timeline.length >= 9, 'the whole life is in the view');
        for (const marker of hidden) assert.ok(!publicText.includes(marker), `the public view shows ${marker}`);
        if (!confidential) {
          const download = await hub.app.request(view.attachments?.[0]?.url ?? '');
          assert.equal(download.status, 200);
          const bytes = new Uint8Array(await download.arrayBuffer());
          assert.ok(bytes.length > 0);
          assert.deepEqual(findMarker([{ path: 'download', bytes }], metaMarker), []);
          assert.ok(!(download.headers.get('content-disposition') ?? '').includes(fileMarker));
        }

        // What the institution received.
        assert.equal(received.reports.length, 1, 'the report was delivered');
        assert.deepEqual(
          received.actions.map((a) => a.kind),
          ['comment', 'comment', 'reopen', 'rating'],
        );
        const delivered = JSON.stringify(received);
        assert.ok(confidential || delivered.includes(secret), 'the report’s content went with it');
        // A named reporter's institution may see the file's own name; nobody gets its metadata.
        assert.deepEqual(findMarker([{ path: 'delivered', bytes: Buffer.from(delivered) }], metaMarker), []);
        assert.deepEqual(
          findMarker(
            received.files.map((bytes, i) => ({ path: `file ${i}`, bytes })),
            metaMarker,
          ),
          [],
        );
        if (anonymous) {
          for (const marker of [name, email, phone, fileMarker])
            assert.ok(!delivered.includes(marker), `an anonymous report’s delivery holds ${marker}`);
        }

        // The logs.
        const logs = lines.join('\n');
        assert.match(logs, /"route":"\/api\/v1\/reports\/:trackingId\/comments"/, 'the requests were logged');
        assert.match(logs, /delivery failed/, 'the mail server’s refusal was logged');
        for (const marker of [name, email, phone, secret, fileMarker, metaMarker, receipt, follower])
          assert.ok(!logs.includes(marker), `a log line holds ${marker}`);

        // Every byte under the data folder, and every row of a PostgreSQL database.
        const files = filesUnder(hub.dir);
        assert.ok((await hub.attachments.list()).length >= run, 'the attachments are stored');
        const database = hub.db.$sqlite
          ? []
          : [{ path: 'database', bytes: Buffer.from(await storedText(hub.db, hub.dir)) }];
        assert.ok(files.length + database.length > 0);
        for (const marker of [name, email, phone, fileMarker, metaMarker, follower, ...(confidential ? [secret] : [])])
          assert.deepEqual(findMarker([...files, ...database], marker), [], `${marker} rests unencrypted`);
      }),
      { numRuns: 16 },
    );
  });
});
