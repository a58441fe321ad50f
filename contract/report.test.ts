import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestIndonesianDate } from './dates';
import { toFieldErrors } from './field-errors';
import { reportInputSchema } from './report';

const valid = {
  kind: 'pengaduan',
  title: 'Pungutan liar saat daftar ulang',
  body: 'Saat daftar ulang pada tanggal 3 Maret, wali murid diminta membayar biaya tanpa kuitansi.',
  incidentDate: '2026-03-03',
  location: { text: 'Ruang TU, Jl. Urip Sumoharjo, Makassar' },
  institutionId: 'smk-smak-makassar',
};

const errorsOf = (input: unknown) => {
  const result = reportInputSchema.safeParse(input);
  return result.success ? {} : toFieldErrors(result.error.issues);
};

describe('report contract', () => {
  it('accepts a minimal report, trimming text and defaulting the toggles to off', () => {
    const result = reportInputSchema.parse({ ...valid, title: `  ${valid.title}  ` });
    assert.equal(result.title, valid.title);
    assert.equal(result.anonymous, false);
    assert.equal(result.confidential, false);
  });

  it('names each invalid field by its path', () => {
    const fields = errorsOf({
      ...valid,
      kind: 'gugatan',
      title: 'pendek',
      location: { text: '' },
      institutionId: 'Bad Id',
    });
    assert.deepEqual(Object.keys(fields).sort(), ['institutionId', 'kind', 'location.text', 'title']);
    assert.equal(fields.title?.code, 'too_small');
  });

  it('refuses an incident date that has not yet begun anywhere in Indonesia', () => {
    const tomorrow = new Date(Date.parse(latestIndonesianDate()) + 86_400_000).toISOString().slice(0, 10);
    assert.equal(errorsOf({ ...valid, incidentDate: tomorrow }).incidentDate?.code, 'future');
    assert.deepEqual(errorsOf({ ...valid, incidentDate: latestIndonesianDate() }), {});
    assert.equal(errorsOf({ ...valid, incidentDate: '2026-02-30' }).incidentDate?.code, 'invalid_format');
  });

  it('checks optional reporter contact details', () => {
    assert.deepEqual(
      errorsOf({ ...valid, reporter: { name: 'Andi', email: 'andi@example.id', phone: '+62 812-3456-7890' } }),
      {},
    );
    const fields = errorsOf({ ...valid, reporter: { email: 'andi@', phone: 'call me' } });
    assert.deepEqual(Object.keys(fields).sort(), ['reporter.email', 'reporter.phone']);
  });

  it('refuses an incident date before the Republic, such as year 0', () => {
    assert.equal(errorsOf({ ...valid, incidentDate: '0000-01-01' }).incidentDate?.code, 'invalid_value');
    assert.equal(errorsOf({ ...valid, incidentDate: '1945-08-16' }).incidentDate?.code, 'invalid_value');
    assert.deepEqual(errorsOf({ ...valid, incidentDate: '1945-08-17' }), {});
  });

  it('counts only characters a reader sees: text of zero-width or invisible characters is empty', () => {
    const invisible = '\u200b\u200c\u200d\u2060\u00ad'.repeat(6);
    assert.equal(errorsOf({ ...valid, title: invisible }).title?.code, 'too_small');
    assert.equal(errorsOf({ ...valid, title: `Pungutan${invisible}` }).title?.code, 'too_small');
    assert.equal(errorsOf({ ...valid, reporter: { name: '\u200b\u200b' } })['reporter.name']?.code, 'too_small');
    assert.deepEqual(errorsOf({ ...valid, title: 'Pungutan liar di TU' }), {});
  });

  it('takes phone numbers that can be dialled, and nothing else that looks like one', () => {
    for (const phone of ['0812 3456 7890', '+62 812-3456-7890', '0411-452345', '6281234567890', '+44 20 7946 0958'])
      assert.deepEqual(errorsOf({ ...valid, reporter: { phone } }), {}, phone);
    for (const phone of ['0000000000', '1234567890', '0-0-0-0-0-0-0', '((((((((0', '+0 812 3456 7890', '081'])
      assert.equal(errorsOf({ ...valid, reporter: { phone } })['reporter.phone']?.code, 'invalid_format', phone);
  });

  it('knows today in WIT, which starts the new day first', () => {
    assert.equal(latestIndonesianDate(new Date('2026-11-23T14:59:59Z')), '2026-11-23');
    assert.equal(latestIndonesianDate(new Date('2026-11-23T15:00:00Z')), '2026-11-24');
  });
});
