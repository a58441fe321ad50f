import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPersonalData, maskIdentity, maskPersonalData } from './personal-data';

describe('findPersonalData', () => {
  it('finds a NIK, a phone number and an email address', () => {
    assert.deepEqual(findPersonalData('NIK saya 7371012304850001.'), ['nik']);
    assert.deepEqual(findPersonalData('Hubungi 0812-3456-7890 atau +62 812 3456 7890'), ['phone']);
    assert.deepEqual(findPersonalData('Telepon kantor (0411) 452 345'), ['phone']);
    assert.deepEqual(findPersonalData('email: andi.pratama@example.id'), ['email']);
    assert.deepEqual(findPersonalData('NIK 7371012304850001, HP 081234567890, andi@example.id'), [
      'nik',
      'phone',
      'email',
    ]);
  });

  it('leaves ordinary text alone: dates, amounts, short numbers', () => {
    for (const text of [
      'Pada 3 Maret 2026 pukul 09.30 kami membayar Rp250.000.',
      'Nomor antrean 123, loket 4, tahun ajaran 2025/2026.',
      'Kuitansi nomor 2026-03-0015 tidak diberikan.',
    ]) {
      assert.deepEqual(findPersonalData(text), [], text);
    }
  });
});

describe('maskPersonalData', () => {
  it('masks NIK, phone numbers and email addresses, and nothing else', () => {
    assert.equal(
      maskPersonalData(
        'Saya Andi, NIK 7371012304850001, HP 0812-3456-7890, surel andi.pratama@example.id. Bayar Rp250.000 pada 3 Maret 2026.',
      ),
      'Saya Andi, NIK 7371************, HP 0812********, surel a***@***.id. Bayar Rp250.000 pada 3 Maret 2026.',
    );
    assert.equal(maskPersonalData('+62 812 3456 7890'), '6281*********');
  });

  it('leaves nothing the finder would find', () => {
    for (const text of [
      'NIK 7371012304850001',
      'Hubungi 0812-3456-7890 atau +62 812 3456 7890',
      'kontak: a.b@c.co.id',
      '(0411) 452 345',
    ]) {
      assert.deepEqual(findPersonalData(maskPersonalData(text)), [], text);
    }
  });
});

describe('maskIdentity', () => {
  const andi = { name: 'Andi Pratama', email: 'Andi@Example.id', phone: '+62 812-3456-7890' };

  it('masks each word of the name, whole words in any case, and the own email and phone however written', () => {
    assert.equal(
      maskIdentity('Saya ANDI pratama (andi@example.id, 0812 3456 7890); Andini bukan saya.', andi),
      'Saya *** *** (***, ***); Andini bukan saya.',
    );
    assert.equal(maskIdentity('Nomor 081234567890 dan 62812-3456-7890', andi), 'Nomor *** dan ***');
  });

  it('leaves other people’s contacts and short name parts alone', () => {
    assert.equal(
      maskIdentity('Hubungi Pak Budi di 0811-2222-3333', { name: 'Al Andi', phone: '0812' }),
      'Hubungi Pak Budi di 0811-2222-3333',
    );
    assert.equal(maskIdentity('Al datang', { name: 'Al Andi' }), 'Al datang');
    assert.equal(maskIdentity('tanpa identitas', undefined), 'tanpa identitas');
  });
});
