import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createKeyring, loadKeyring, parseKeys } from './keyring';

const key = () => randomBytes(32).toString('base64');

describe('keyring', () => {
  it('seals and opens values, each ciphertext different', () => {
    const keyring = createKeyring(parseKeys(`k1:${key()}`));
    const a = keyring.encrypt('Andi Pratama', 'reports.reporterName:LPR-1');
    const b = keyring.encrypt('Andi Pratama', 'reports.reporterName:LPR-1');
    assert.notEqual(a, b);
    assert.ok(!a.includes('Andi'));
    assert.equal(keyring.decrypt(a, 'reports.reporterName:LPR-1'), 'Andi Pratama');
  });

  it('refuses a value moved to another row or column, or altered', () => {
    const keyring = createKeyring(parseKeys(`k1:${key()}`));
    const sealed = keyring.encrypt('rahasia', 'reports.body:LPR-1');
    assert.throws(() => keyring.decrypt(sealed, 'reports.body:LPR-2'));
    assert.throws(() => keyring.decrypt(sealed, 'reports.title:LPR-1'));
    const parts = sealed.split('.');
    parts[4] = Buffer.from('RAHASIA').toString('base64url');
    assert.throws(() => keyring.decrypt(parts.join('.'), 'reports.body:LPR-1'));
  });

  it('rotates: the first key seals, older keys still open, stale values are told apart', () => {
    const old = `k1:${key()}`;
    const before = createKeyring(parseKeys(old));
    const sealed = before.encrypt('0812', 'c');
    const after = createKeyring(parseKeys(`k2:${key()},${old}`));
    assert.equal(after.decrypt(sealed, 'c'), '0812');
    assert.equal(after.isStale(sealed), true);
    assert.equal(after.isStale(after.encrypt('0812', 'c')), false);
    assert.throws(() => createKeyring(parseKeys(`k2:${key()}`)).decrypt(sealed, 'c'), /k1/);
  });

  it('refuses malformed key lists', () => {
    for (const spec of [
      '',
      'k1',
      `k1:${Buffer.alloc(16).toString('base64')}`,
      `bad id:${key()}`,
      `k1:${key()},k1:${key()}`,
    ]) {
      assert.throws(() => parseKeys(spec), Error, spec);
    }
  });

  it('creates a private key file on first run and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lapor-key-'));
    try {
      const file = join(dir, 'data-key');
      const first = loadKeyring({}, file);
      assert.equal(first.createdFile, true);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const second = loadKeyring({}, file);
      assert.equal(second.createdFile, false);
      assert.equal(second.keyring.decrypt(first.keyring.encrypt('x', 'c'), 'c'), 'x');
      assert.match(readFileSync(file, 'utf8'), /^local:/);
      const fromEnv = loadKeyring({ LAPOR_DATA_KEYS: `prod:${key()}` }, file);
      assert.equal(fromEnv.keyring.currentId, 'prod');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
