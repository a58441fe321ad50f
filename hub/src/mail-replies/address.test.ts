import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optOutToken, optOutTokenMatches } from '../notifications/message';
import { createKeyring } from '../privacy/keyring';
import { ReplyAddresses } from './address';

const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);
const before = createKeyring(new Map([['k1', OLD]]));
const rotated = createKeyring(
  new Map([
    ['k2', NEW],
    ['k1', OLD],
  ]),
);
const retired = createKeyring(new Map([['k2', NEW]]));
const DOMAIN = 'balas.lapor.example.go.id';
const TRACKING_ID = 'LPR-0410-6105-5';

describe('reply addresses', () => {
  const addresses = (keyring: typeof before) => new ReplyAddresses(keyring.deriveSecrets('reply-address'), DOMAIN);

  it('stand for one report and party, whatever case a mail system gives them, and nothing altered', () => {
    const address = addresses(before).address(TRACKING_ID, 'desk');
    assert.match(address, /^lpr-0410-6105-5\.i\.[0-9a-f]{20}@balas\.lapor\.example\.go\.id$/);
    assert.deepEqual(addresses(before).read(address.toUpperCase()), { trackingId: TRACKING_ID, party: 'desk' });
    assert.equal(addresses(before).read(address.replace('.i.', '.p.')), undefined, 'the other party’s is another');
    assert.equal(addresses(before).read(address.replace(DOMAIN, 'example.id')), undefined);
  });

  it('given before a key rotation, still reach the report until the old key is retired', () => {
    const address = addresses(before).address(TRACKING_ID, 'reporter');
    assert.deepEqual(addresses(rotated).read(address), { trackingId: TRACKING_ID, party: 'reporter' });
    assert.notEqual(
      addresses(rotated).address(TRACKING_ID, 'reporter'),
      address,
      'new ones are signed with the new key',
    );
    assert.equal(addresses(retired).read(address), undefined);
  });

  it('as the opt-out links in earlier emails do', () => {
    const token = optOutToken(before.deriveSecret('opt-out'), TRACKING_ID);
    assert.ok(optOutTokenMatches(rotated.deriveSecrets('opt-out'), TRACKING_ID, token));
    assert.ok(!optOutTokenMatches(retired.deriveSecrets('opt-out'), TRACKING_ID, token));
  });
});
