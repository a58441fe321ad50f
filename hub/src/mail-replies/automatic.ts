import type { ParsedMail } from 'mailparser';

/** Senders that are mail systems rather than people (RFC 5321's postmaster, bounce daemons). */
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|mail-daemon|no-?reply|bounces?)([+@-]|$)/i;

/**
 * Whether a message was written by a machine: a bounce (a delivery status
 * notification, RFC 3464; a null envelope sender), or an auto-reply (RFC
 * 3834's Auto-Submitted, and the headers Exchange, Gmail's vacation
 * responder and list servers use). These are dropped without an answer: a
 * bounce answered is a mail loop, and an out-of-office is no reply.
 */
export function isAutomatic(mail: ParsedMail, envelopeSender?: string | false): string | undefined {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? value.toLowerCase() : value ? JSON.stringify(value).toLowerCase() : '';
  };
  const contentType = header('content-type');
  if (contentType.includes('multipart/report') || contentType.includes('delivery-status')) return 'a delivery report';
  if (envelopeSender === '' || envelopeSender === false) return 'a null envelope sender (a bounce)';
  const from = mail.from?.value[0]?.address ?? '';
  if (SYSTEM_SENDER.test(from)) return 'sent by a mail system';
  const submitted = header('auto-submitted');
  if (submitted && submitted !== 'no') return `Auto-Submitted: ${submitted}`;
  if (['auto_reply', 'bulk', 'junk', 'list'].includes(header('precedence')))
    return `Precedence: ${header('precedence')}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'list-id', 'list-unsubscribe']) {
    if (mail.headers.has(name)) return `it carries ${name}`;
  }
  return undefined;
}
