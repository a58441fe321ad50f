import { simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Clock } from '../workflow/clock';
import { addresseeOf, type MailReplyDeps, ReplyRefused, takeReply } from './take';

/** A reply is text; a message larger than this is someone sending files, which the desk's own mail takes. */
export const MAX_REPLY_BYTES = 10 * 1024 * 1024;

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/**
 * The hub's own SMTP server for replies (smtp-server, nodemailer's): the
 * institution's mail server forwards the reply domain to it. A recipient
 * that is not a reply address the hub gave out is refused at RCPT TO, and a
 * reply the hub will not take at the end of DATA, so the sender's own mail
 * server tells them (a bounce) in its words and ours. A failure of the hub
 * itself answers 451: the sending server keeps the message and tries again,
 * so nothing accepted is lost.
 */
export async function startMailIntake(
  deps: MailReplyDeps & { clock: Clock; logger?: Logger },
  { port, host }: { port: number; host: string },
) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'lapor-embed reply intake',
    size: MAX_REPLY_BYTES,
    logger: false,
    onRcptTo(address, _session, done) {
      try {
        addresseeOf(deps, [address.address]);
        done();
      } catch (error) {
        done(smtpError((error as Error).message, 550));
      }
    },
    onData(stream: SMTPServerDataStream, session, done) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) throw new ReplyRefused('5.3.4 Balasan terlalu besar (message too large)', 552);
          const from = session.envelope.mailFrom;
          const outcome = await takeReply(
            deps,
            {
              mail,
              recipients: session.envelope.rcptTo.map((r) => r.address),
              envelopeSender: from ? from.address : false,
            },
            deps.clock(),
          );
          deps.logger?.info(
            { ...('party' in outcome && { party: outcome.party }), taken: outcome.taken },
            'email reply',
          );
          done();
        })
        .catch((error: unknown) => {
          if (error instanceof ReplyRefused) return done(smtpError(error.message, error.smtpCode));
          deps.logger?.error({ err: error }, 'taking an email reply failed');
          done(smtpError('4.3.0 Coba lagi nanti (try again later)', 451));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // A client's broken connection is its own; the intake stays up for the next.
  server.on('error', (error) => deps.logger?.warn({ err: error }, 'reply intake: a client failed'));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
