import { createHmac } from 'node:crypto';
import { parseTrackingId } from '../../../contract';
import { signedByAny } from '../notifications/link-tokens';

/** Who a reply address belongs to: the reporter, or the institution's desk the report was emailed to. */
export type Party = 'reporter' | 'desk';
const PARTY_LETTER = { reporter: 'p', desk: 'i' } as const;

/** How many hex digits of the HMAC an address carries: 80 bits, not guessable, short enough for a local part. */
const MAC_DIGITS = 20;

/**
 * Reply addresses: `<tracking id>.<party>.<mac>@<REPLY_DOMAIN>`, one per
 * report and party, signed with a secret derived from the data key, so a
 * reply to it can only come from someone who received the hub's email.
 * Lowercase throughout: mail systems may fold a local part's case.
 */
export class ReplyAddresses {
  /** `secrets`: the current data key's first (it signs), then older keys' (addresses given before a rotation). */
  constructor(
    private readonly secrets: readonly string[],
    readonly domain: string,
  ) {}

  address(trackingId: string, party: Party): string {
    const local = `${trackingId.toLowerCase()}.${PARTY_LETTER[party]}`;
    return `${local}.${mac(this.secrets[0] ?? '', local)}@${this.domain}`;
  }

  /** The report and party an address stands for, or undefined for one the hub did not give out. */
  read(address: string): { trackingId: string; party: Party } | undefined {
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1).toLowerCase() !== this.domain.toLowerCase()) return undefined;
    const match = /^(.+)\.([pi])\.([0-9a-f]+)$/.exec(address.slice(0, at).toLowerCase());
    if (!match) return undefined;
    const [, id = '', letter, signature = ''] = match;
    const signed = signedByAny(this.secrets, signature, (secret) => mac(secret, `${id}.${letter}`));
    if (!signed) return undefined;
    const parsed = parseTrackingId(id);
    if (!parsed.ok) return undefined;
    return { trackingId: parsed.trackingId, party: letter === 'p' ? 'reporter' : 'desk' };
  }
}

const mac = (secret: string, local: string) =>
  createHmac('sha256', secret).update(local).digest('hex').slice(0, MAC_DIGITS);
