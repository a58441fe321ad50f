import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { encodeTrackingId, parseTrackingId } from './tracking-id';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('Tracking IDs', () => {
  it('are grouped as LPR-XXXX-XXXX-C and round-trip', () => {
    for (let i = 0; i < 500; i++) {
      const id = encodeTrackingId(randomBytes(5));
      assert.match(id, /^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
      assert.deepEqual(parseTrackingId(id), { ok: true, trackingId: id });
    }
  });

  it('encode 40 bits: all-zero and all-one bytes give the extreme payloads', () => {
    assert.equal(encodeTrackingId(new Uint8Array(5)).slice(0, 13), 'LPR-0000-0000');
    assert.equal(encodeTrackingId(new Uint8Array(5).fill(255)).slice(0, 13), 'LPR-ZZZZ-ZZZZ');
  });

  it('accept loose typing: case, spaces, missing dashes and prefix, I/L/O', () => {
    const id = encodeTrackingId(Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89]));
    const compact = id.replaceAll('-', '').slice(3);
    for (const typed of [id.toLowerCase(), ` ${compact.slice(0, 4)} ${compact.slice(4)} `, compact, `lpr${compact}`]) {
      assert.deepEqual(parseTrackingId(typed), { ok: true, trackingId: id }, typed);
    }
    const withZero = encodeTrackingId(new Uint8Array(5));
    assert.deepEqual(parseTrackingId(withZero.replaceAll('0', 'o')), { ok: true, trackingId: withZero });
  });

  it('catch every single mistyped symbol by the check symbol', () => {
    for (let n = 0; n < 50; n++) {
      const id = encodeTrackingId(randomBytes(5));
      const symbols = id.replaceAll('-', '').slice(3);
      for (let pos = 0; pos < symbols.length; pos++) {
        for (const other of ALPHABET) {
          if (other === symbols[pos]) continue;
          const typo = symbols.slice(0, pos) + other + symbols.slice(pos + 1);
          assert.deepEqual(parseTrackingId(typo), { ok: false, reason: 'checksum' }, `${id} → ${typo}`);
        }
      }
    }
  });

  it('catch most swaps of neighbouring symbols', () => {
    let swaps = 0;
    let caught = 0;
    for (let n = 0; n < 300; n++) {
      const symbols = encodeTrackingId(randomBytes(5)).replaceAll('-', '').slice(3);
      for (let pos = 0; pos + 1 < symbols.length; pos++) {
        if (symbols[pos] === symbols[pos + 1]) continue;
        swaps++;
        const swapped = symbols.slice(0, pos) + symbols[pos + 1] + symbols[pos] + symbols.slice(pos + 2);
        if (!parseTrackingId(swapped).ok) caught++;
      }
    }
    assert.ok(caught / swaps > 0.95, `caught ${caught} of ${swaps}`);
  });

  it('reject wrong lengths and symbols outside the alphabet', () => {
    assert.deepEqual(parseTrackingId(''), { ok: false, reason: 'format' });
    assert.deepEqual(parseTrackingId('LPR-1234-5678'), { ok: false, reason: 'format' });
    assert.deepEqual(parseTrackingId('LPR-1234-5678-UU'), { ok: false, reason: 'format' });
    assert.deepEqual(parseTrackingId('LPR-12#4-5678-9'), { ok: false, reason: 'format' });
  });
});
