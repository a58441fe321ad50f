import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
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
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
