import EmailReplyParser from 'email-reply-parser';
import type { ParsedMail } from 'mailparser';

/**
 * Indonesian mail clients' quote headers and signatures, which the parser's
 * lists (English and European languages) do not hold: Gmail's "Pada <date>
 * <name> menulis:", Outlook's "-----Pesan Asli-----" and "Dari: …", and the
 * phones' "Dikirim dari …".
 */
const QUOTE_HEADER = [
  /^pada .+menulis:?\s*$/im,
  /^-{2,}\s*pesan (asli|aslinya)\s*-{2,}\s*$/im,
  /^dari\s?:.+[<[].+[>\]]\s*$/im,
];
const SIGNATURE = /\n\s*(dikirim dari|sent from|get outlook for) [^\n]*\s*$/i;

/**
 * What a person wrote in a reply, without what they quoted and their
 * signature: the text part (or the text mailparser makes of the HTML), cut
 * by the maintained reply parser (email-reply-parser, Crisp's), then at the
 * Indonesian quote headers it does not know.
 */
export function replyText(mail: ParsedMail): string {
  const text = (mail.text ?? '').replace(/\r\n/g, '\n');
  let visible = new EmailReplyParser().parseReply(text);
  for (const header of QUOTE_HEADER) {
    const found = header.exec(visible);
    if (found) visible = visible.slice(0, found.index);
  }
  return visible.replace(SIGNATURE, '').trim();
}
