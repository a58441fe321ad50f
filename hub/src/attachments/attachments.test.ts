import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { ExifTool } from 'exiftool-vendored';
import type { ReportCreated, ReportView } from '../../../contract';
import { refuseInserts } from '../testing/database-probe';
import { sampleReport, testApp } from '../testing/test-app';
import { safeFileName } from './inspect';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
/** Small real images, as a browser encodes them. */
const PNG = fixture('photo.png');
const JPEG = fixture('photo.jpg');
const PDF = fixture('doc.pdf');
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...Array(64).fill(0)]);

function multipart(
  report: object,
  files: [name: string, bytes: Uint8Array<ArrayBuffer>][],
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('report', JSON.stringify(report));
  for (const [name, bytes] of files) form.append('attachments', new File([bytes], name));
  return hub.app.request('/api/v1/reports', { method: 'POST', body: form, headers });
}

const lookup = (path: string, receipt?: string) =>
  hub.app.request(path, { headers: receipt ? { Authorization: `Receipt ${receipt}` } : {} });

/** Every file the attachment store holds, and any left in its staging folder. */
const storedFiles = async () => {
  const { staging } = hub.attachments;
  return [...(await hub.attachments.list()), ...(existsSync(staging) ? readdirSync(staging) : [])];
};

describe('attachments', () => {
  it('accepts a report with files as multipart and serves them back as inert data', async () => {
    const res = await multipart(sampleReport, [
      ['bukti kuitansi.png', PNG],
      ['surat.pdf', PDF],
    ]);
    assert.equal(res.status, 201, await res.clone().text());
    const created: ReportCreated = await res.json();
    const view: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`)).json();
    assert.deepEqual(
      view.attachments?.map(({ name, mediaType, size }) => ({ name, mediaType, size })),
      [
        { name: 'lampiran-1.png', mediaType: 'image/png', size: PNG.byteLength },
        { name: 'lampiran-2.pdf', mediaType: 'application/pdf', size: view.attachments?.[1]?.size },
      ],
    );
    const pdf = await lookup(view.attachments?.[1]?.url ?? '');
    assert.equal(pdf.status, 200);
    const served = Buffer.from(await pdf.arrayBuffer());
    assert.equal(served.byteLength, view.attachments?.[1]?.size);
    writeFileSync(join(hub.dir, 'served.pdf'), served);
    const pages = execFileSync('qpdf', ['--show-npages', join(hub.dir, 'served.pdf')], { encoding: 'utf8' });
    assert.equal(pages.trim(), '1', 'the PDF, rewritten without its metadata, keeps its page');
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename\*=UTF-8''lampiran-2\.pdf$/);
    assert.match(pdf.headers.get('content-security-policy') ?? '', /sandbox/);
  });

  it('shows a file’s own name, as sent in UTF-8, to its reporter alone, and keeps it sealed at rest', async () => {
    const { attachments } = hub.db.$tables;
    const original = 'KTP_7371_Siti_Rahmawati–pungutan Rp500rb é.png';
    const created: ReportCreated = await (
      await multipart({ ...sampleReport, anonymous: true }, [[original, PNG]])
    ).json();
    const own: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`, created.receipt)).json();
    assert.equal(own.attachments?.[0]?.name, original);
    const download = await lookup(own.attachments?.[0]?.url ?? '', created.receipt);
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename*=UTF-8''${encodeURIComponent(original)}`,
    );

    const seen: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`)).json();
    assert.equal(seen.attachments?.[0]?.name, 'lampiran-1.png');
    const publicDownload = await lookup(seen.attachments?.[0]?.url ?? '');
    assert.equal(publicDownload.headers.get('content-disposition'), "attachment; filename*=UTF-8''lampiran-1.png");

    const rows = await hub.db.select().from(attachments);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes('Rahmawati'), 'the name is sealed');
  });

  it('keeps a confidential report’s files from the public, and gives them to the reporter', async () => {
    const created: ReportCreated = await (
      await multipart({ ...sampleReport, confidential: true }, [['foto.png', PNG]])
    ).json();
    const own: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`, created.receipt)).json();
    const url = own.attachments?.[0]?.url ?? '';
    assert.ok(url);
    const publicView: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`)).json();
    assert.equal(publicView.attachments, undefined);
    assert.equal((await lookup(url)).status, 401);
    assert.equal((await lookup(url, created.receipt)).status, 200);
  });

  it('judges a file by its bytes: a program or a web page named and typed like a photo is refused with 415', async () => {
    const { reports } = hub.db.$tables;
    const form = new FormData();
    form.set('report', JSON.stringify(sampleReport));
    form.append('attachments', new File([EXE], 'foto.jpg', { type: 'image/jpeg' }));
    form.append(
      'attachments',
      new File(['<html><script>alert(1)</script></html>'], 'halaman.png', { type: 'image/png' }),
    );
    form.append('attachments', new File([PNG], 'ok.png', { type: 'image/png' }));
    const res = await hub.app.request('/api/v1/reports', { method: 'POST', body: form });
    assert.equal(res.status, 415);
    const { error } = await res.json();
    assert.deepEqual(error.fields, {
      'attachments.0': { code: 'unsupported_type', message: error.fields['attachments.0'].message },
      'attachments.1': { code: 'unsupported_type', message: error.fields['attachments.1'].message },
    });
    assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 0);
    assert.deepEqual(await storedFiles(), [], 'nothing is stored for a refused report');
  });

  it('takes a file of exactly 2 MB, the contract’s limit', async () => {
    const exact = new Uint8Array(2 * 1024 * 1024);
    exact.set(PNG);
    const res = await multipart(sampleReport, [['tepat.png', exact]]);
    assert.equal(res.status, 201, await res.clone().text());
  });

  it('refuses files over 2 MB, empty files, unknown extensions and more than five files', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    const res = await multipart(sampleReport, [
      ['besar.png', big],
      ['kosong.pdf', new Uint8Array()],
      ['skrip.sh', PNG],
    ]);
    const { error } = await res.json();
    assert.equal(error.fields['attachments.0'].code, 'too_big');
    assert.equal(error.fields['attachments.1'].code, 'empty');
    assert.equal(error.fields['attachments.2'].code, 'unsupported_type');

    const six = await multipart(
      sampleReport,
      Array.from({ length: 6 }, (_, i) => [`f${i}.png`, PNG] as [string, Uint8Array<ArrayBuffer>]),
    );
    assert.equal((await six.json()).error.fields.attachments.code, 'too_many');
  });

  it('strips a photo’s location and other metadata before storing it', async () => {
    const photo = join(hub.dir, 'gps.jpg');
    writeFileSync(photo, JPEG);
    const tool = new ExifTool({ maxProcs: 1 });
    try {
      await tool.write(
        photo,
        {
          GPSLatitude: 5.1477,
          GPSLatitudeRef: 'S',
          GPSLongitude: 119.4327,
          GPSLongitudeRef: 'E',
          Artist: 'Andi Pratama',
        },
        ['-overwrite_original'],
      );
      assert.ok((await tool.read(photo)).GPSLatitude, 'the fixture carries GPS');
      const res = await multipart({ ...sampleReport, anonymous: true }, [
        ['IMG_2041.jpg', new Uint8Array(readFileSync(photo))],
      ]);
      const created: ReportCreated = await res.json();
      const view: ReportView = await (await lookup(`/api/v1/reports/${created.trackingId}`)).json();
      const served = join(hub.dir, 'served.jpg');
      writeFileSync(served, new Uint8Array(await (await lookup(view.attachments?.[0]?.url ?? '')).arrayBuffer()));
      const tags: Record<string, unknown> = { ...(await tool.read(served)) };
      assert.equal(tags.MIMEType, 'image/jpeg');
      for (const tag of ['GPSLatitude', 'GPSLongitude', 'GPSPosition', 'Artist'])
        assert.equal(tags[tag], undefined, tag);
      assert.ok(!readFileSync(served).toString('latin1').includes('Andi'));
    } finally {
      await tool.end();
    }
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    let pulled = 0;
    const endless = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const res = await hub.app.request('/api/v1/reports', {
      method: 'POST',
      body: endless,
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, 'payload_too_large');
    assert.ok(pulled <= 2, `read ${pulled} chunks`);
  });

  it('leaves no report and no file behind when one file of several is refused', async () => {
    const { reports } = hub.db.$tables;
    const res = await multipart(sampleReport, [
      ['satu.png', PNG],
      ['dua.pdf', PDF],
      ['tiga.jpg', EXE],
    ]);
    assert.equal(res.status, 415);
    assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 0);
    assert.deepEqual(await storedFiles(), []);
  });

  it('refuses a file that claims a type but is broken', async () => {
    const res = await multipart(sampleReport, [['potong.png', PNG.slice(0, 40)]]);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.fields['attachments.0'].code, 'damaged');
  });

  it('rolls the stored files back when the report cannot be saved', async () => {
    const { attachments, reports } = hub.db.$tables;
    await refuseInserts(hub.db, 'attachments');
    const res = await multipart(sampleReport, [['foto.png', PNG]]);
    assert.equal(res.status, 500);
    hub.unexpected.length = 0;
    assert.equal((await hub.db.select({ n: count() }).from(reports))[0]?.n, 0);
    assert.equal((await hub.db.select({ n: count() }).from(attachments))[0]?.n, 0);
    assert.equal((await storedFiles()).length, 0);
  });

  it('answers a retry with the same key and files once, and a retry with other files with 409', async () => {
    const key = { 'Idempotency-Key': 'a6f0c5e2-3f4b-4f1a-8d2e-9c1b7a5e3d10' };
    const first = await multipart(sampleReport, [['foto.png', PNG]], key);
    const again = await multipart(sampleReport, [['foto.png', PNG]], key);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await storedFiles()).length, 1);
    const other = await multipart(sampleReport, [['foto.pdf', PDF]], key);
    assert.equal(other.status, 409);
  });

  it('refuses a multipart body without the report', async () => {
    const form = new FormData();
    form.append('attachments', new File([PNG], 'foto.png'));
    const res = await hub.app.request('/api/v1/reports', { method: 'POST', body: form });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalid_multipart');
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment without control characters, and the extension of a long name', async () => {
    assert.equal(safeFileName('C:\\Users\\andi\\foto.jpg'), 'foto.jpg');
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('a\u0000b\nc".pdf'), 'abc.pdf');
    assert.equal(safeFileName(''), 'lampiran');
    const long = safeFileName(`${'x'.repeat(300)}.docx`);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith('.docx'));
  });
});
