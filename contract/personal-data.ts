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
