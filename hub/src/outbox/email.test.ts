import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { smtpMailer } from '../notifications/mailer';
import { startSmtpPeer } from '../testing/smtp-peer';
import { sampleReport, testApp, testKeyring } from '../testing/test-app';
import { createRouting, type Routing, routingFile } from './routing';
import { OutboxWorker } from './worker';

const PNG = readFileSync(new URL('../attachments/fixtures/photo.png', import.meta.url));
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let hub: Awaited<ReturnType<typeof testApp>>;
let routing: Routing;
beforeEach(async () => {
  smtp = await startSmtpPeer();
  const mailer = smtpMailer(smtp.url, 'Hub LAPOR <lapor@example.go.id>');
  const config = routingFile.parse({
    destinations: [{ type: 'email', name: 'desk', to: 'pengaduan@smksmak.example.sch.id' }],
    default: 'desk',
  });
  routing = createRouting(config, [], { mailer });
  hub = await testApp({ routing });
});
afterEach(async () => {
  await hub.close();
  await smtp.close();
});

function worker() {
  return new OutboxWorker({
    db: hub.db,
    directory: hub.directory,
    regions: hub.regions,
    keyring: testKeyring,
    clock: hub.clock,
    routing,
    attachments: hub.attachments,
  });
}

async function fileWithPhoto(extra: object) {
  const form = new FormData();
  form.set('report', JSON.stringify({ ...sampleReport, ...extra }));
  form.append('attachments', new File([new Uint8Array(PNG)], 'kuitansi.png'));
  return (await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).json();
}

/** The messages to the institution (the reporter may get emails too). */
const toDesk = () =>
  smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'pengaduan@smksmak.example.sch.id');

describe('the email destination', () => {
  it('sends the complaint desk the report, in text and HTML, with its attachments, once', async () => {
    const { deliveries } = hub.db.$tables;
    const body = `${sampleReport.body} Tertulis di papan: <b>"bayar di sini"</b> & <script>x</script>`;
    const { trackingId } = await fileWithPhoto({ confidential: true, body });
    await worker().tick();
    const [mail] = toDesk();
    assert.equal(toDesk().length, 1);
    assert.equal(
      mail?.subject,
      `[LAPOR ${trackingId}] Pengaduan (rahasia)`,
      'a confidential title stays out of the subject',
    );
    assert.match(mail?.text ?? '', /Rahasia: ya/);
    assert.ok(mail?.text?.includes(body));
    assert.match(mail?.text ?? '', /Andi Pratama/);
    const html = String(mail?.html ?? '');
    assert.match(html, /<p>/);
    assert.ok(html.includes('&lt;b&gt;&quot;bayar di sini&quot;&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;'), html);
    assert.doesNotMatch(html, /<script>|<b>/);
    assert.equal(mail?.attachments.length, 1);
    assert.equal(mail?.attachments[0]?.filename, 'kuitansi.png');
    assert.ok(mail?.attachments[0]?.content.subarray(0, 8).equals(PNG.subarray(0, 8)), 'the file, decrypted');
    const [report] = await hub.db.select().from(deliveries).orderBy(deliveries.id);
    assert.equal(report?.state, 'delivered');
  });

  it('names an open report in the subject and leaves an anonymous reporter out', async () => {
    const { trackingId } = await fileWithPhoto({ anonymous: true });
    await worker().tick();
    const [mail] = toDesk();
    assert.equal(mail?.subject, `[LAPOR ${trackingId}] Pengaduan: ${sampleReport.title}`);
    assert.ok(mail?.text?.includes(sampleReport.body), 'the report was sent');
    assert.ok(!mail?.text?.includes('Andi'));
    assert.equal(mail?.attachments.length, 1);
    assert.equal(mail?.attachments[0]?.filename, 'lampiran-1.png', 'a file name can name the reporter');
    assert.ok(!mail?.text?.includes('kuitansi.png'));
  });
});
