import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { addOpen311Client } from '../open311/clients';
import { operatorView } from '../operator/operator';
import { smsGateway } from '../sms/gateways';
import { SmsSender } from '../sms/outbox';
import { capturedLogger } from '../testing/captured-logger';
import { storedText } from '../testing/database-probe';
import { startSmsPeer } from '../testing/sms-peer';
import { postJson, sampleReport, testApp, testCalendar, testKeyring } from '../testing/test-app';

/**
 * Generated reports, each with markers for what must stay private: the
 * reporter's name, email and phone (always, in every public view, log line
 * and database column) and a confidential report's text.
 */
const { logger, lines } = capturedLogger();
let hub: Awaited<ReturnType<typeof testApp>>;
/** An Open311 client's key: a third of the reports come through Open311 (routes/open311.ts), a third by SMS. */
let apiKey: string;
const SMS_SECRET = 'rahasia-gateway-privasi';
let smsPeer: Awaited<ReturnType<typeof startSmsPeer>>;
let smsSender: SmsSender;
before(async () => {
  smsPeer = await startSmsPeer(SMS_SECRET);
  const gateway = smsGateway({
    format: 'lapor',
    name: 'gateway-dinas',
    institution: sampleReport.institutionId,
    secret: SMS_SECRET,
    sendUrl: `${smsPeer.url}/lapor/send`,
  });
  const smsGateways = new Map([[gateway.name, gateway]]);
  hub = await testApp({ logger, smsGateways });
  smsSender = new SmsSender({ db: hub.db, keyring: testKeyring, gateways: smsGateways, clock: hub.clock });
  ({ key: apiKey } = await addOpen311Client(hub.db, { name: 'Aplikasi Aduan Kota' }, hub.clock()));
});
after(async () => {
  await hub.close();
  await smsPeer.close();
});

const marker = fc.stringMatching(/^[A-Z][a-z]{5,9}$/);
const report = fc.record({
  name: marker,
  mailbox: fc.stringMatching(/^[a-z]{6,10}$/),
  phone: fc.stringMatching(/^08[1-9]\d{8,10}$/),
  secret: marker,
  anonymous: fc.boolean(),
  confidential: fc.boolean(),
  channel: fc.constantFrom('form', 'open311', 'sms'),
});

let run = 0;

type Sent = Omit<typeof sampleReport, 'location'> & {
  location: { text: string };
  reporter: { name: string; email: string; phone: string };
};

async function fileByForm(sent: Sent): Promise<{ trackingId: string; receipt?: string }> {
  const res = await postJson(hub.app, '/api/v1/reports', sent);
  assert.equal(res.status, 201);
  return res.json();
}

/** The same report as an Open311 client posts it (open311/intake.ts maps it back). */
async function fileByOpen311(sent: Sent): Promise<{ trackingId: string; receipt?: string }> {
  const form = {
    api_key: apiKey,
    jurisdiction_id: sent.institutionId,
    service_code: sent.categoryId,
    description: sent.body,
    address_string: sent.location.text,
    'attribute[kind]': sent.kind,
    'attribute[title]': sent.title,
    'attribute[incident_date]': sent.incidentDate,
    'attribute[anonymous]': String(sent.anonymous),
    'attribute[confidential]': String(sent.confidential),
    first_name: sent.reporter.name,
    email: sent.reporter.email,
    phone: sent.reporter.phone,
  };
  const res = await hub.app.request('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const [created] = (await res.json()) as { service_request_id: string }[];
  assert.ok(created);
  return { trackingId: created.service_request_id };
}

/**
 * The same report written by SMS (sms/conversation.ts): the chronology with
 * its options, then the place and the date as the hub asks. An SMS carries
 * no name or email: the sender's number is the contact. The receipt comes
 * back by SMS.
 */
async function fileBySms(sent: Sent): Promise<{ trackingId: string; receipt?: string }> {
  const options = [sent.anonymous && 'ANONIM', sent.confidential && 'RAHASIA'].filter(Boolean).join(' ');
  for (const text of [`LAPOR ${options} ${sent.body}`, sent.location.text, 'HARI INI']) {
    const res = await hub.app.request('/sms/v1/gateway-dinas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SMS_SECRET}` },
      body: JSON.stringify({ id: `sms-${++messages}`, from: sent.reporter.phone, text }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  }
  const before = smsPeer.sent.length;
  await smsSender.tick();
  const receipt = smsPeer.sent.slice(before).findLast((m) => m.to === sent.reporter.phone)?.text ?? '';
  const trackingId = /Tracking ID: (\S+)\./.exec(receipt)?.[1];
  assert.ok(trackingId, receipt);
  return { trackingId, receipt: /Kode bukti[^:]*: (\S+)$/.exec(receipt)?.[1] };
}
let messages = 0;

const viewDeps = () => ({
  db: hub.db,
  directory: hub.directory,
  regions: hub.regions,
  keyring: testKeyring,
  calendar: testCalendar,
});

describe('privacy of generated reports', () => {
  it('keeps contact details and confidential text out of public views, logs and plaintext columns', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (generated) => {
        // Every run files into the same database: a suffix of its own keeps one run's markers from
        // matching another's (a public report's text is stored as it is, and may equal a later name).
        run++;
        const { phone, anonymous, confidential } = generated;
        const name = `${generated.name}Rn${run}`;
        // Its own suffix too: a mailbox such as `totype` is otherwise found inside a public text's `Atotype`.
        const mailbox = `${generated.mailbox}mb${run}`;
        const secret = `${generated.secret}Sc${run}`;
        const email = `${mailbox}@example.id`;
        const body = `Kronologi: petugas ${secret} meminta uang tambahan di loket pelayanan.`;
        const sent = {
          ...sampleReport,
          title: `Laporan tentang ${secret} di loket`,
          body,
          location: { text: `Kantor ${secret}` },
          anonymous,
          confidential,
          reporter: { name, email, phone },
        };
        const created =
          generated.channel === 'open311'
            ? await fileByOpen311(sent)
            : generated.channel === 'sms'
              ? await fileBySms(sent)
              : await fileByForm(sent);
        const publicView = await (await hub.app.request(`/api/v1/reports/${created.trackingId}`)).text();

        const neverPublic = [email, phone, mailbox, ...(anonymous || confidential ? [name] : [])];
        const confidentialText = confidential ? [secret] : [];
        for (const text of [...neverPublic, ...confidentialText]) {
          assert.ok(!publicView.includes(text), `the public view shows ${text}`);
        }
        const logs = lines.join('\n');
        for (const text of [name, email, phone, secret, created.receipt ?? apiKey])
          assert.ok(!logs.includes(text), `a log line holds ${text}`);
        const stored = await storedText(hub.db, hub.dir);
        for (const text of [name, email, phone, ...confidentialText]) {
          assert.ok(!stored.includes(text), `the database holds ${text} in plain text`);
        }
        // Open311 gives no receipt; what it filed is checked as the operator reads it.
        const own = created.receipt
          ? await (
              await hub.app.request(`/api/v1/reports/${created.trackingId}`, {
                headers: { Authorization: `Receipt ${created.receipt}` },
              })
            ).json()
          : await operatorView(viewDeps(), created.trackingId);
        assert.deepEqual(own.reporter, generated.channel === 'sms' ? { phone } : { name, email, phone });
        assert.equal(own.body, body);
      }),
      { numRuns: 60 },
    );
  });
});
