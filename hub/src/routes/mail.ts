import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { simpleParser } from 'mailparser';
import type { ResolvedDeps } from '../app';
import type { ReplyAddresses } from '../mail-replies/address';
import { MAX_REPLY_BYTES } from '../mail-replies/smtp-intake';
import { ReplyRefused, takeReply } from '../mail-replies/take';

/** Headers that name who a message was delivered to, as forwarding services keep them. */
const RECIPIENT_HEADERS = ['delivered-to', 'x-original-to', 'to', 'cc'];

/**
 * The alternative to the SMTP intake for a hub behind an inbound-mail
 * service: `POST /mail/v1/inbound` with `Authorization: Bearer
 * <INBOUND_MAIL_TOKEN>` and the whole message, as `message/rfc822`, or as
 * the `email` (SendGrid) or `body-mime` (Mailgun) field of a form. Answers
 * 200 `{taken}` (also for a message dropped as automatic or already taken)
 * and 422 with what the SMTP intake would have bounced.
 */
export function mailRoutes(deps: ResolvedDeps, replyAddresses: ReplyAddresses, token: string) {
  const app = new Hono();
  app.post(
    '/inbound',
    bodyLimit({ maxSize: MAX_REPLY_BYTES, onError: (c) => c.json({ error: 'The message is too large' }, 413) }),
    async (c) => {
      const given = Buffer.from(/^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '');
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return c.json({ error: 'Authorization: Bearer <INBOUND_MAIL_TOKEN> is required' }, 401);
      }
      const type = c.req.header('content-type') ?? '';
      let raw: string | undefined;
      if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
        const form = await c.req.parseBody();
        const field = form.email ?? form['body-mime'];
        raw = typeof field === 'string' ? field : field instanceof File ? await field.text() : undefined;
      } else {
        raw = await c.req.text();
      }
      if (!raw)
        return c.json(
          { error: 'The message is missing: send it as message/rfc822, or as `email` or `body-mime`' },
          400,
        );
      const mail = await simpleParser(raw);
      const recipients = RECIPIENT_HEADERS.flatMap((name) => {
        const value = mail.headers.get(name);
        if (typeof value === 'string') return value.split(',').map((a) => a.trim().replace(/^.*<|>.*$/g, ''));
        const list =
          value && typeof value === 'object' && 'value' in value ? [value] : Array.isArray(value) ? value : [];
        return list.flatMap((v) => ((v as { value?: { address?: string }[] }).value ?? []).map((a) => a.address ?? ''));
      });
      try {
        const outcome = await takeReply({ ...deps, replyAddresses }, { mail, recipients }, deps.clock());
        return c.json({ taken: outcome.taken }, 200);
      } catch (error) {
        if (error instanceof ReplyRefused) return c.json({ error: error.message }, 422);
        throw error;
      }
    },
  );
  return app;
}
