import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_TYPES, type AttachmentExtension, type ReportCreated, type ReportView } from '../../../contract';
import { closeMarkedFiles, filesUnder, findMarker, markedFile } from '../testing/marked-files';
import { sampleReport, testApp } from '../testing/test-app';
import { canRemoveMetadata } from './metadata';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});
after(closeMarkedFiles);

/** One extension per accepted type (`jpeg` is `jpg`). */
const TYPES = (Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[]).filter((ext) => ext !== 'jpeg');

function file(report: object, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.set('report', JSON.stringify(report));
  form.append('attachments', new File([bytes], name));
  return hub.app.request('/api/v1/reports', { method: 'POST', body: form });
}

describe('attachment metadata', () => {
  it('has a cleaner for every type the contract accepts', () => {
    for (const mediaType of new Set(Object.values(ATTACHMENT_TYPES)))
      assert.ok(canRemoveMetadata(mediaType), mediaType);
  });

  for (const ext of TYPES) {
    it(`is gone from a ${ext} file: in what is served and in every byte under the data folder`, async () => {
      const marker = `MRK${ext.toUpperCase()}Q7`;
      const upload = await markedFile(ext, marker);
      assert.deepEqual(findMarker([{ path: 'upload', bytes: upload }], marker), ['upload'], 'the upload carries it');

      const res = await file({ ...sampleReport, anonymous: true }, `bukti.${ext}`, upload);
      assert.equal(res.status, 201, await res.clone().text());
      const { trackingId }: ReportCreated = await res.json();
      const view: ReportView = await (await hub.app.request(`/api/v1/reports/${trackingId}`)).json();
      const served = new Uint8Array(await (await hub.app.request(view.attachments?.[0]?.url ?? '')).arrayBuffer());
      assert.equal((await fileTypeFromBuffer(served))?.mime, ATTACHMENT_TYPES[ext], 'still a file of its type');
      assert.deepEqual(findMarker([{ path: 'served', bytes: served }], marker), []);

      // A refused report (its text too short) and a confidential one leave nothing readable behind either.
      assert.equal((await file({ ...sampleReport, title: 'x' }, `bukti.${ext}`, upload)).status, 400);
      assert.equal((await file({ ...sampleReport, confidential: true }, `bukti.${ext}`, upload)).status, 201);

      const stored = filesUnder(hub.dir);
      assert.equal((await hub.attachments.list()).length, 2, 'both accepted files are stored');
      assert.ok(stored.length > 2);
      assert.deepEqual(findMarker(stored, marker), []);
    });
  }
});
