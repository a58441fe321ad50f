import type { Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where a reply goes: the report's reply address for this party (mail-replies/address.ts), when the hub takes replies. */
  replyTo?: string;
  /** The same on every attempt, so a message sent twice after a crash is recognised as one by mail services. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends email; the hub's notifications and the `email` destination go through it. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** An SMTP mailer (nodemailer) from a URL such as `smtps://user:pass@mail.example.go.id:465`. */
export function smtpMailer(url: string, from: string): Mailer {
  // nodemailer is loaded with the first email: a hub without a pending one keeps its memory.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(mail) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
      await (await transport).sendMail({ from, ...mail });
    },
  };
}
