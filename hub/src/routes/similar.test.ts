import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { similarReportsSchema } from '../../../contract/responses';
import { markDuplicate } from '../reports/duplicates';
import { fileReport, forwardReport, projectAll } from '../testing/published';
import { testApp, testKeyring } from '../testing/test-app';
import { recordTransition } from '../workflow/transitions';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => {
  assert.deepEqual(hub.unexpected, []);
  await hub.close();
});

const LEVY = {
  title: 'Pungutan liar saat daftar ulang',
  body: 'Wali murid kelas X diminta membayar Rp250.000 tanpa kuitansi saat daftar ulang.',
};
const ASKED =
  'Uang daftar ulang tanpa kuitansi. Kami disuruh membayar biaya daftar ulang dan tidak diberi bukti pembayaran.';

const similar = (query: string) => hub.app.request(`/api/v1/reports/similar?${query}`);

describe('GET /api/v1/reports/similar', () => {
  it('answers with the open published reports at the institution and those under it, public fields only', async () => {
    const open = await fileReport(hub, { ...LEVY, reporter: { name: 'Rina Wulandari', email: 'rina@example.id' } });
    const secret = await fileReport(hub, { ...LEVY, confidential: true });
    const done = await fileReport(hub, LEVY);
    const elsewhere = await fileReport(hub, { ...LEVY, institutionId: 'kemenkes' });
    const unrelated = await fileReport(hub, {
      title: 'Toilet siswa rusak',
      body: 'Pintu toilet siswa rusak sejak awal semester dan belum diperbaiki.',
    });
    const waiting = await fileReport(hub, LEVY);
    for (const report of [open, secret, done, elsewhere, unrelated]) await forwardReport(hub, report.id);
    for (const to of ['followed_up', 'finished'] as const) {
      await recordTransition(hub.db, testKeyring, done.id, { to, actor: 'institution', at: hub.clock() });
    }
    await projectAll(hub);

    // The school is under the ministry: asked at either, the school's report is found.
    for (const institution of ['smk-smak-makassar', 'kemenperin']) {
      const res = await similar(`institution=${institution}&q=${encodeURIComponent(ASKED)}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /public/);
      const body = similarReportsSchema.parse(await res.json());
      assert.deepEqual(
        body.items.map((item) => item.trackingId),
        [open.trackingId],
        'never confidential, finished, elsewhere, unrelated or not yet forwarded',
      );
      const text = JSON.stringify(body);
      assert.ok(text.includes(open.trackingId));
      for (const hidden of ['Rina', 'rina@example.id', secret.trackingId, waiting.trackingId, done.trackingId]) {
        assert.ok(!text.includes(hidden), hidden);
      }
    }
    const none = similarReportsSchema.parse(
      await (await similar('institution=kemenkes&q=lampu%20jalan%20mati')).json(),
    );
    assert.deepEqual(none.items, []);
  });

  it('offers the earlier report, not the one found to repeat it', async () => {
    const first = await fileReport(hub, LEVY);
    const again = await fileReport(hub, LEVY);
    for (const report of [first, again]) await forwardReport(hub, report.id);
    await projectAll(hub);
    const shown = async () =>
      similarReportsSchema
        .parse(await (await similar(`institution=smk-smak-makassar&q=${encodeURIComponent(ASKED)}`)).json())
        .items.map((item) => item.trackingId);
    assert.deepEqual((await shown()).sort(), [first.trackingId, again.trackingId].sort(), 'both, at first');
    await markDuplicate(hub.db, testKeyring, again, first.trackingId, { actor: 'national', at: hub.clock() });
    assert.deepEqual(await shown(), [first.trackingId]);
  });

  it('refuses a request without an institution or without text, saying which', async () => {
    for (const [query, field] of [
      ['q=jalan%20rusak', 'institution'],
      ['institution=smk-smak-makassar&q=%20%20', 'q'],
      ['institution=smk-smak-makassar&q=jalan&region=Makassar', 'region'],
    ] as const) {
      const res = await similar(query);
      assert.equal(res.status, 400, query);
      const body = await res.json();
      assert.equal(body.error.code, 'validation_failed');
      assert.ok(body.error.fields?.[field], `${query} names ${field}: ${JSON.stringify(body.error)}`);
    }
  });
});
