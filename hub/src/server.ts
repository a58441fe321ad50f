import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { DEFAULT_POW } from './abuse/proof-of-work';
import { createApp } from './app';
import { canCleanPdf } from './attachments/clean/pdf';
import { configuredStore } from './attachments/configured';
import { closeMetadataStripper } from './attachments/metadata';
import { STAGING_MAX_AGE_MS, sweepStaging } from './attachments/staging';
import { configFromEnv, isLoopback } from './config';
import { openDatabase } from './db/client';
import { deskLinksOf } from './desk/links';
import { queueDeskReminders } from './desk/reminders';
import { createDirectory, syncBuiltinDirectory } from './directory/directory';
import { keepHeapNearLive } from './heap';
import { createLogger } from './logging';
import { ReplyAddresses } from './mail-replies/address';
import { startMailIntake } from './mail-replies/smtp-intake';
import { MonitorProjector } from './monitor/projector';
import { inThisThread } from './monitor/similar';
import { SimilarThread } from './monitor/similar-thread';
import { startNationalDesk } from './national-desk/demo';
import { smtpMailer } from './notifications/mailer';
import { createRouting, loadRoutingFile } from './outbox/routing';
import { DEFAULT_OUTBOX, OutboxWorker } from './outbox/worker';
import { DEMO_SITE, PAGES, WIDGET_BUILD } from './paths';
import { ensureDemoPoll } from './polls/demo-poll';
import { loadKeyring } from './privacy/keyring';
import { loadRegions } from './regions/regions';
import { clientAddressResolver } from './routes/middleware/client-address';
import { addSite, DEMO_SITE_KEY, listSites } from './sites/sites';
import { pruneSmsDrafts } from './sms/conversation';
import { createSmsGateways, loadSmsFile } from './sms/gateways';
import { SmsSender } from './sms/outbox';
import { closeUnansweredFollowUps } from './workflow/auto-close';
import { createCalendar, loadDecrees } from './workflow/calendar';
import { acceleratedClock } from './workflow/clock';

keepHeapNearLive();
// Everything the hub writes (database, attachments, keys, staging) holds reporters' data: its user's alone.
process.umask(0o077);
const config = configFromEnv();
mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
chmodSync(config.dataDir, 0o700);
// Lines are written off the main thread, a batch while the last write is under way (flushed at exit): one
// write call per request was a few per cent of a lookup.
const logger = createLogger(pino.destination({ dest: 1, sync: false }));
const db = await openDatabase(config.database);
await syncBuiltinDirectory(db);
const staticRoots = {
  widget: WIDGET_BUILD,
  pages: PAGES,
  ...(config.demo && { demo: DEMO_SITE }),
};
if (config.demo && !isLoopback(config.host)) {
  logger.warn(
    `DEMO=on on ${config.host}: the demo site and the local national desk (no login) are reachable by others.`,
  );
}
if (!existsSync(join(staticRoots.widget, 'lapor.js'))) {
  logger.warn('The widget bundle is missing: run `npm run build` so /widget/lapor.js can be served.');
}

if (config.demo && !(await listSites(db)).length) {
  const demo = await addSite(db, {
    key: DEMO_SITE_KEY,
    name: 'Demo: SMK SMAK Makassar',
    origins: [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`],
    institutionId: 'smk-smak-makassar',
    categoryId: 'pendidikan-kebudayaan',
  });
  logger.info(
    `No websites were registered yet: registered the demo site "${demo.key}" for ${demo.origins.join(' and ')}. ` +
      'Register your own with `npm run hub -- site add`, and remove this one with `npm run hub -- site remove demo`.',
  );
}

const { keyring, createdFile } = loadKeyring(process.env, join(config.dataDir, 'data-key'));
if (createdFile) {
  logger.warn(
    `Created a data key in ${join(config.dataDir, 'data-key')} to encrypt reporters' personal data. ` +
      'That is fine for a demo; in production give LAPOR_DATA_KEYS from a managed secret store, and back the key up: without it the data cannot be read.',
  );
}

const calendar = createCalendar(loadDecrees(join(config.dataDir, 'holidays.json')));
const directory = await createDirectory(db);

const destinationsFile = join(config.dataDir, 'destinations.json');
const routingConfig = loadRoutingFile(destinationsFile);
const clock = acceleratedClock(config.clockSpeed);
if (config.clockSpeed > 1)
  logger.warn(`DEMO: deadlines run ${config.clockSpeed} times faster than real time (CLOCK_SPEED).`);
// The local national desk has no login: it runs only in demo mode, never on a hub others can reach.
const demoDestinations = existsSync(destinationsFile) || !config.demo ? [] : [await startNationalDesk(config, logger)];
const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined;
const replyAddresses = config.replyDomain
  ? new ReplyAddresses(keyring.deriveSecrets('reply-address'), config.replyDomain)
  : undefined;
// Each email to an institution's desk links to its desk page (routes/desk.ts), issued as it is sent.
const deskLinks = deskLinksOf(config, keyring);
const deskLink = (trackingId: string) => deskLinks.url(trackingId, clock());
const routing = createRouting(routingConfig, demoDestinations, { mailer, replyAddresses, deskLink });
if (!routing.destination(routingConfig.default)) {
  logger.warn(
    `No destination "${routingConfig.default}" is configured in ${join(config.dataDir, 'destinations.json')}: reports are kept in the outbox until one is.`,
  );
}
const regions = await loadRegions();
const smsGateways = createSmsGateways(loadSmsFile(join(config.dataDir, 'sms.json')), directory);
if (smsGateways.size) logger.info(`SMS gateways: ${[...smsGateways.keys()].join(', ')} at /sms/v1/{name}`);
if (config.demo) {
  const poll = await ensureDemoPoll(db, { directory, regions }, clock());
  if (poll) logger.info(`Put the demo school's poll ${poll} on the demo site's poll page: /demo/poll.html`);
}

const attachments = configuredStore(config);
// A hub that crashed mid-upload left a visitor's file in staging as it came, metadata and all.
const sweep = async () => {
  const removed = await sweepStaging(attachments.staging).catch((error) => {
    logger.error({ err: error }, 'sweeping the attachment staging folder failed');
    return 0;
  });
  if (removed) logger.info({ removed }, 'removed files an interrupted upload left in staging');
};
await sweep();
const sweepTimer = setInterval(sweep, STAGING_MAX_AGE_MS);
if (!(await canCleanPdf())) {
  logger.error('qpdf is not installed: PDF attachments are refused until it is (apt-get install qpdf).');
}
// Similar reports are ranked on a second core, on a connection of the worker's own to the same file.
const similarMatcher =
  db.$sqlite && !db.$sqlite.memory ? new SimilarThread(db.$sqlite.name, inThisThread(db), logger) : undefined;
const app = createApp({
  db,
  directory,
  calendar,
  clock,
  regions,
  routing,
  keyring,
  attachments,
  staticRoots,
  rateLimits: config.rateLimits,
  clientAddress: clientAddressResolver(config.trustedProxies),
  selfOrigins: config.publicUrl ? [config.publicUrl] : [],
  adminToken: config.adminToken,
  mailer,
  ...(config.publicUrl && { publicUrl: config.publicUrl }),
  proofOfWork: config.powMaxNumber
    ? { ...DEFAULT_POW, maxNumber: config.powMaxNumber, secret: keyring.deriveSecret('altcha') }
    : null,
  ...(similarMatcher && { similarMatcher }),
  smsGateways,
  ...(replyAddresses && { replyAddresses }),
  deskLinks,
  ...(config.inboundMailToken && { inboundMailToken: config.inboundMailToken }),
  logger,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  logger.info(`lapor-embed hub listening on http://${host}:${info.port}/ (data in ${config.dataDir})`);
  if (config.demo) logger.info(`Demo site: http://${host}:${info.port}/demo/`);
});

const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
if (!mailer) logger.info('No SMTP_URL: emails to reporters wait in the outbox until one is set.');
const outbox = new OutboxWorker(
  { db, directory, regions, keyring, routing, mailer, replyAddresses, smsGateways, publicUrl, logger, attachments },
  {
    concurrency: config.outboxConcurrency,
    // Enough claimed at once that every lane has work while the pass's slowest delivery finishes.
    batch: Math.max(DEFAULT_OUTBOX.batch, config.outboxConcurrency * 4),
    ...(demoDestinations.length && { pollIntervalMs: 3000 }),
  },
);
// Replies to the hub's emails, forwarded by the institution's mail server for REPLY_DOMAIN.
const mailIntake =
  replyAddresses && config.mailIntake
    ? await startMailIntake({ db, directory, keyring, calendar, replyAddresses, clock, logger }, config.mailIntake)
    : undefined;
if (mailIntake) logger.info(`Taking replies to @${config.replyDomain} by SMTP on port ${mailIntake.port}`);

// Answers by SMS go out like the outbox, by the processes that deliver it.
const smsSender = new SmsSender({ db, keyring, gateways: smsGateways, logger, clock });
if (config.outboxWorker) {
  outbox.start();
  smsSender.start();
} else logger.info('OUTBOX_WORKER=off: this process answers the API; another delivers the outbox.');

// Public monitoring follows the events: each process derives the reports marked since its last pass.
const monitor = new MonitorProjector({ db, directory, calendar, keyring }, { clock, logger });
monitor.start();

// SP4N-LAPOR! closes a report 10 working days after a follow-up the reporter left unanswered.
const closeUnanswered = async () => {
  try {
    const closed = await closeUnansweredFollowUps(db, keyring, directory, calendar, clock());
    if (closed) logger.info({ closed }, 'closed reports whose follow-up went unanswered');
  } catch (error) {
    logger.error({ err: error }, 'closing unanswered follow-ups failed');
  }
};
// Institutions' own desks are reminded the working day before a deadline falls due, and on the day.
const remindDesks = async () => {
  try {
    const queued = await queueDeskReminders({ db, directory, calendar, routing }, clock());
    if (queued) logger.info({ queued }, 'queued reminders to institutions’ desks');
  } catch (error) {
    logger.error({ err: error }, 'queuing reminders to desks failed');
  }
};
const hourly = async () => {
  await closeUnanswered();
  await remindDesks();
  await pruneSmsDrafts(db, clock()).catch((error) => logger.error({ err: error }, 'pruning SMS drafts failed'));
};
await hourly();
const autoCloseTimer = setInterval(hourly, Math.max(5_000, (60 * 60 * 1000) / config.clockSpeed));

function shutdown() {
  clearInterval(autoCloseTimer);
  clearInterval(sweepTimer);
  void outbox.stop();
  void smsSender.stop();
  void mailIntake?.close();
  void monitor.stop();
  server.close(async () => {
    await closeMetadataStripper();
    await similarMatcher?.close();
    await db.$close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
