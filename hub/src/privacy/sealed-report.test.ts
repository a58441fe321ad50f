import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { attachmentContext } from '../reports/create';
import { storedText } from '../testing/database-probe';
import { postJson, sampleReport, testApp, testKeyring } from '../testing/test-app';
import { createKeyring, parseKeys } from './keyring';
import { resealAll, resealAttachments } from './rotate';
import { openReport } from './sealed-report';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

const PNG = readFileSync(new URL('../attachments/fixtures/photo.png', import.meta.url));

const secret = {
  ...sampleReport,
  title: 'Kepala sekolah meminta uang pelicin',
  body: 'Kepala sekolah meminta uang pelicin Rp5.000.000 untuk penerimaan siswa baru jalur prestasi.',
  confidential: true,
  reporter: { name: 'Siti Rahmawati', email: 'siti.rahma@example.id', phone: '081399887766' },
};

describe('personal data at rest', () => {
  it('keeps the reporter’s contact and a confidential report’s content only encrypted', async () => {
    assert.equal((await postJson(hub.app, '/api/v1/reports', secret)).status, 201);
    const raw = await storedText(hub.db, hub.dir);
    for (const text of [
      'Siti Rahmawati',
      'siti.rahma@example.id',
      '081399887766',
      'uang pelicin',
      'Ruang Tata Usaha',
    ]) {
      assert.ok(!raw.includes(text), `${text} is readable in the database file`);
    }
  });

  it('keeps an ordinary report’s content readable for its public page, but still not its reporter', async () => {
    assert.equal((await postJson(hub.app, '/api/v1/reports', { ...secret, confidential: false })).status, 201);
    const raw = await storedText(hub.db, hub.dir);
    assert.ok(raw.includes('uang pelicin'));
    assert.ok(!raw.includes('Siti Rahmawati'));
  });

  it('keeps a confidential report’s attachments encrypted on disk, and serves them decrypted to the reporter', async () => {
    const png = PNG;
    const form = new FormData();
    form.set('report', JSON.stringify(secret));
    form.append('attachments', new File([new Uint8Array(png)], 'bukti.png'));
    const created = await (await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).json();
    const stored = await hub.attachments.list();
    assert.equal(stored.length, 1);
    const file = await hub.attachments.read(stored[0] ?? '');
    assert.ok(file);
    const onDisk = Buffer.concat(await file.toArray());
    assert.ok(!onDisk.includes(Buffer.from('IHDR')), 'the PNG is readable on disk');
    const own = await (
      await hub.app.request(`/api/v1/reports/${created.trackingId}`, {
        headers: { Authorization: `Receipt ${created.receipt}` },
      })
    ).json();
    const served = await hub.app.request(own.attachments[0].url, {
      headers: { Authorization: `Receipt ${created.receipt}` },
    });
    assert.equal(served.status, 200);
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.ok(bytes.subarray(0, 8).equals(png.subarray(0, 8)), 'served as a PNG again');
    assert.equal(Number(served.headers.get('content-length')), bytes.length);
  });

  it('rotates to a new key without losing a report or its files', async () => {
    const { attachments, reports } = hub.db.$tables;
    const form = new FormData();
    form.set('report', JSON.stringify(secret));
    form.append('attachments', new File([new Uint8Array(PNG)], 'bukti.png'));
    const created = await (await hub.app.request('/api/v1/reports', { method: 'POST', body: form })).json();
    const rotated = createKeyring(
      parseKeys(`next:${randomBytes(32).toString('base64')},test:${Buffer.alloc(32, 7).toString('base64')}`),
    );
    assert.equal(await resealAll(hub.db, rotated), 1);
    assert.equal(await resealAll(hub.db, rotated), 0, 'nothing left to re-encrypt');
    const store = hub.attachments;
    assert.equal(await resealAttachments(hub.db, store, rotated), 1);
    assert.equal(await resealAttachments(hub.db, store, rotated), 0);
    const [file] = await hub.db.select().from(attachments);
    assert.ok(file?.envelope?.startsWith('enc1.next.'));
    const stream = await store.read(file?.storageKey ?? '');
    assert.ok(stream);
    const onDisk = Buffer.concat(await stream.toArray());
    const plain = rotated.decryptBytes(onDisk, file?.envelope ?? '', attachmentContext(file?.publicId ?? ''));
    assert.ok(plain.subarray(0, 8).equals(PNG.subarray(0, 8)));
    const [row] = await hub.db.select().from(reports);
    assert.ok(row?.body.startsWith('enc1.next.'));
    const onlyNext = createKeyring(new Map([...parseKeys(`next:${Buffer.alloc(32).toString('base64')}`)]));
    assert.throws(() => row && openReport(onlyNext, row), 'a wrong key opens nothing');
    assert.equal(row && openReport(rotated, row).reporterName, 'Siti Rahmawati');
    assert.throws(() => row && openReport(testKeyring, row), /next/, 'the old key alone no longer opens it');
    assert.equal(created.status, 'received');
  });
});
