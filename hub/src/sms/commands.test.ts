import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCommand, readIncidentDate, titleOf } from './commands';

describe('SMS commands', () => {
  it('reads keywords as SMS 1708 users write them, options after the keyword in any order', () => {
    assert.deepEqual(readCommand('LAPOR#jalan berlubang'), {
      type: 'report',
      kind: 'pengaduan',
      text: 'jalan berlubang',
      anonymous: false,
      confidential: false,
    });
    assert.deepEqual(readCommand('  lapor rahasia Anonim: guru sering tidak hadir'), {
      type: 'report',
      kind: 'pengaduan',
      text: 'guru sering tidak hadir',
      anonymous: true,
      confidential: true,
    });
    assert.equal((readCommand('ASPIRASI tambah jadwal bus') as { kind: string }).kind, 'aspirasi');
    assert.equal((readCommand('info jadwal vaksin') as { kind: string }).kind, 'informasi');
    assert.deepEqual(readCommand('cek lpr-abcd-2345'), { type: 'check', trackingId: 'LPR-ABCD-2345' });
    assert.deepEqual(readCommand('BATAL'), { type: 'cancel' });
    assert.deepEqual(readCommand('berhenti LPR-ABCD-2345'), { type: 'stop', trackingId: 'LPR-ABCD-2345' });
    assert.deepEqual(readCommand('?'), { type: 'help' });
    // A keyword inside a sentence is text, and "batal" with more words is an answer, not a command.
    assert.deepEqual(readCommand('Jalan Lapor Raya 3'), { type: 'text', text: 'Jalan Lapor Raya 3' });
    assert.deepEqual(readCommand('batal berangkat karena hujan'), {
      type: 'text',
      text: 'batal berangkat karena hujan',
    });
  });

  it('makes a title of the first sentence, cut at a word', () => {
    assert.equal(titleOf('Jalan rusak. Sudah sebulan.'), 'Jalan rusak');
    assert.equal(titleOf('Rusak. Jalan di depan sekolah berlubang.'), 'Rusak. Jalan di depan sekolah berlubang.');
    const long = titleOf(`${'kata '.repeat(60)}akhir`);
    assert.ok(long.length <= 150);
    assert.ok(long.endsWith('kata…'));
  });

  it('reads incident dates as people write them, never one still to come', () => {
    const today = '2026-03-02';
    assert.equal(readIncidentDate('HARI INI', today), today);
    assert.equal(readIncidentDate('kemarin sore', today), '2026-03-01');
    assert.equal(readIncidentDate('28-02-2026', today), '2026-02-28');
    assert.equal(readIncidentDate('28/2/26', today), '2026-02-28');
    assert.equal(readIncidentDate('28 Feb', today), '2026-02-28');
    assert.equal(readIncidentDate('5 agustus', today), '2025-08-05', 'without a year: the last such day');
    assert.equal(readIncidentDate('2026-03-01', today), '2026-03-01');
    assert.equal(readIncidentDate('3-3-2026', today), undefined, 'tomorrow');
    assert.equal(readIncidentDate('30-02-2026', today), undefined);
    assert.equal(readIncidentDate('1-1-1900', today), undefined);
    assert.equal(readIncidentDate('minggu lalu', today), undefined);
  });
});
