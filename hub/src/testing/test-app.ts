import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ProofOfWork } from '../abuse/proof-of-work';
import type { RateLimits } from '../abuse/rate-limits';
import { createApp } from '../app';
import { openDatabase } from '../db/client';
import type { DeskLinks } from '../desk/links';
import { createDirectory, syncBuiltinDirectory } from '../directory/directory';
import type { ReplyAddresses } from '../mail-replies/address';
import type { Mailer } from '../notifications/mailer';
import type { Routing } from '../outbox/routing';
import { createKeyring } from '../privacy/keyring';
import { loadRegions } from '../regions/regions';
import { clientAddressResolver } from '../routes/middleware/client-address';
import type { StaticRoots } from '../routes/static';
import type { SmsGateway } from '../sms/gateway';
import { createCalendar, loadDecrees } from '../workflow/calendar';
import type { Clock } from '../workflow/clock';
import { testAttachments } from './test-attachments';
import { testClock } from './test-clock';
import { testDatabase } from './test-database';

const regions = await loadRegions();

export const testCalendar = createCalendar(loadDecrees());

/** A fixed test key: tests never touch real data. */
export const testKeyring = createKeyring(new Map([['test', Buffer.alloc(32, 7)]]));

/** Limits high enough that only the rate-limit tests meet them. */
const GENEROUS_LIMITS: RateLimits = {
  reportsPerHour: 10_000,
  reportsPerHourPerSite: 10_000,
  lookupsPerMinute: 10_000,
  votesPerHour: 10_000,
};

/** A hub on a fresh, migrated database (see testDatabase) and a temporary folder; `close()` removes both. */
export async function testApp(
  options: {
    rateLimits?: RateLimits;
    trustedProxies?: number;
    logger?: Logger;
    logErrors?: boolean;
    /** Ask for a proof of work, as a real hub does; off elsewhere so tests need not solve puzzles. */
    proofOfWork?: ProofOfWork;
    routing?: Routing;
    /** What the hub takes for now (default: a test clock standing at TEST_NOW, which `clock` in the result moves). */
    clock?: Clock;
    adminToken?: string;
    /** Sends the emails the app sends while answering (poll confirmations). */
    mailer?: Mailer;
    /** The widget bundle, pages and demo site to serve, as a started hub does. */
    staticRoots?: StaticRoots;
    /** Another hub on the same database, as a second hub process would be (on SQLite, the same file). */
    sameDatabaseAs?: { database: string };
    /** SQLite even where the tests run on PostgreSQL: to compare the two databases' answers. */
    sqlite?: boolean;
    smsGateways?: ReadonlyMap<string, SmsGateway>;
    publicUrl?: string;
    replyAddresses?: ReplyAddresses;
    inboundMailToken?: string;
    deskLinks?: DeskLinks;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'lapor-hub-'));
  const database = options.sameDatabaseAs
    ? { location: options.sameDatabaseAs.database, drop: async () => {} }
    : await testDatabase(dir, options.sqlite ? 'sqlite' : undefined);
  const db = await openDatabase(database.location);
  await syncBuiltinDirectory(db);
  const directory = await createDirectory(db);
  const stored = await testAttachments(dir);
  const unexpected: unknown[] = [];
  const clock = options.clock ?? testClock();
  const app = createApp({
    db,
    directory,
    regions,
    keyring: testKeyring,
    calendar: testCalendar,
    proofOfWork: options.proofOfWork ?? null,
    ...(options.routing && { routing: options.routing }),
    clock,
    adminToken: options.adminToken,
    ...(options.mailer && { mailer: options.mailer }),
    ...(options.smsGateways && { smsGateways: options.smsGateways }),
    ...(options.publicUrl && { publicUrl: options.publicUrl }),
    ...(options.replyAddresses && { replyAddresses: options.replyAddresses }),
    ...(options.inboundMailToken && { inboundMailToken: options.inboundMailToken }),
    ...(options.deskLinks && { deskLinks: options.deskLinks }),
    ...(options.staticRoots && { staticRoots: options.staticRoots }),
    attachments: stored.store,
    rateLimits: options.rateLimits ?? GENEROUS_LIMITS,
    clientAddress: clientAddressResolver(options.trustedProxies ?? 0),
    logger: options.logger,
    ...(!options.logErrors && { onUnexpectedError: (e: unknown) => unexpected.push(e) }),
  });
  return {
    app,
    db,
    directory,
    dir,
    database: database.location,
    attachments: stored.store,
    regions,
    clock,
    unexpected,
    async close() {
      await db.$close();
      await database.drop();
      await stored.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { sampleReport } from './sample-report';

export function postJson(app: ReturnType<typeof createApp>, path: string, body: unknown, headers = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
