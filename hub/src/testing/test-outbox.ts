import type { ReplyAddresses } from '../mail-replies/address';
import type { Mailer } from '../notifications/mailer';
import { createRouting, type Routing, routingFile } from '../outbox/routing';
import { OutboxWorker } from '../outbox/worker';
import type { SmsGateway } from '../sms/gateway';
import { type testApp, testKeyring } from './test-app';

/** An outbox worker over a test hub's database, as the hub runs one: its routing, mailer and public address as given. */
export function testOutbox(
  hub: Awaited<ReturnType<typeof testApp>>,
  options: {
    routing?: Routing;
    mailer?: Mailer;
    publicUrl?: string;
    replyAddresses?: ReplyAddresses;
    smsGateways?: ReadonlyMap<string, SmsGateway>;
  } = {},
): OutboxWorker {
  return new OutboxWorker({
    db: hub.db,
    directory: hub.directory,
    regions: hub.regions,
    keyring: testKeyring,
    routing: options.routing ?? createRouting(routingFile.parse({})),
    ...(options.mailer && { mailer: options.mailer }),
    ...(options.publicUrl && { publicUrl: options.publicUrl }),
    ...(options.replyAddresses && { replyAddresses: options.replyAddresses }),
    ...(options.smsGateways && { smsGateways: options.smsGateways }),
    clock: hub.clock,
  });
}
