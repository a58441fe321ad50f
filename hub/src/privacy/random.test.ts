import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from './random';

describe('randomBytes', () => {
  it('hands out every byte once and never changes bytes already handed out', () => {
    const draws = Array.from({ length: 2000 }, () => randomBytes(12));
    const copies = draws.map((bytes) => Buffer.from(bytes));
    // More than several pools' worth: the later draws came from fresh pools.
    for (let i = 0; i < 2000; i++) randomBytes(32);
    assert.deepEqual(draws, copies);
    assert.equal(new Set(copies.map((bytes) => bytes.toString('hex'))).size, 2000);
    assert.ok(draws.every((bytes) => bytes.length === 12));
  });

  it('draws large sizes straight from the system', () => {
    const big = randomBytes(2048);
    assert.equal(big.length, 2048);
    assert.ok(big.some((byte) => byte !== 0));
  });
});
