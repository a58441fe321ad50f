/**
 * Patterns of personal data that a reporter may put in a report's text: the
 * 16-digit NIK (Nomor Induk Kependudukan), Indonesian phone numbers and email
 * addresses. The form suggests anonim and rahasia when it sees them.
 */
const NIK = /(?<!\d)\d{16}(?!\d)/;
/** +62 or 0, then an 8 (mobile) or an area code, 8 to 13 digits in all, with common separators. */
const PHONE = /(?<![\d+])(?:\+62|62|0)[ .-]?\(?\d{2,4}\)?(?:[ .-]?\d{3,4}){2,3}(?!\d)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export type PersonalDataKind = 'nik' | 'phone' | 'email';

/** Which kinds of personal data the text seems to contain. */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (NIK.test(text)) found.push('nik');
  if (PHONE.test(text.replace(NIK, ''))) found.push('phone');
  if (EMAIL.test(text)) found.push('email');
  return found;
}

const global = (pattern: RegExp) => new RegExp(pattern.source, 'g');

/**
 * The text with its personal data masked, for public pages: a NIK keeps its
 * first four digits (the province and regency), a phone number its first
 * four, an email its first letter and top-level domain.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(global(NIK), (nik) => `${nik.slice(0, 4)}${'*'.repeat(12)}`)
    .replace(global(EMAIL), (email) => {
      const [local = '', domain = ''] = email.split('@');
      return `${local.slice(0, 1)}***@***${domain.slice(domain.lastIndexOf('.'))}`;
    })
    .replace(global(PHONE), (phone) => {
      const digits = phone.replace(/\D/g, '');
      return `${digits.slice(0, 4)}${'*'.repeat(Math.max(4, digits.length - 4))}`;
    });
}

/** Who the reporter is, as they gave it: what an anonymous report must not reveal. */
export interface Identity {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phone number's subscriber digits, without the country code or the trunk 0. */
const subscriberDigits = (phone: string) => phone.replace(/\D/g, '').replace(/^(62|0)/, '');

/**
 * The text without the reporter's own identity: each word of their name
 * (three letters or more, whole words, any case), their email address and
 * their phone number however it is written. For everything an anonymous
 * report shows or sends after filing: comments quote names the hub knows.
 */
export function maskIdentity(text: string, identity: Identity | undefined): string {
  if (!identity) return text;
  let masked = text;
  if (identity.email) masked = masked.replace(new RegExp(escapeRegExp(identity.email), 'gi'), '***');
  const own = identity.phone ? subscriberDigits(identity.phone) : '';
  if (own.length >= 6) {
    masked = masked.replace(global(PHONE), (phone) => (subscriberDigits(phone) === own ? '***' : phone));
    masked = masked.replace(new RegExp(own.split('').join('[ .-]?'), 'g'), '***');
  }
  const words = (identity.name ?? '').split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word.length >= 3);
  if (words.length) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    masked = masked.replace(pattern, '***');
  }
  return masked;
}
