import { join, resolve } from 'node:path';
import * as z from 'zod';
import { DEFAULT_POW } from './abuse/proof-of-work';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './abuse/rate-limits';
import { DEFAULT_OUTBOX } from './outbox/worker';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `postgres://…` for PostgreSQL, or the SQLite file (by default `hub.sqlite` in the data folder). */
  database: string;
  /** Where attachments are kept: a folder (on a shared mount for several hubs), or an S3 bucket. */
  attachments: { folder: string } | { s3: { bucket: string; endpoint?: string; region?: string; prefix?: string } };
  rateLimits: RateLimits;
  trustedProxies: number;
  /** Proof-of-work difficulty (the largest secret number); 0 asks for none. */
  powMaxNumber: number;
  /** How many times faster than real time deadlines run (1; 1440 makes a day pass every minute, for a demo). */
  clockSpeed: number;
  /** Port of the local national desk that `npm start` runs when no destinations are configured. */
  nationalDeskPort: number;
  /** SMTP server for reporters' notifications, e.g. `smtps://user:pass@mail.example.go.id:465`. */
  smtpUrl?: string;
  mailFrom: string;
  /** The domain of reply addresses (`<report>.<party>.<mac>@REPLY_DOMAIN`); without it emails say not to reply. */
  replyDomain?: string;
  /** Where the hub's own SMTP server takes replies (off without a port). */
  mailIntake?: { port: number; host: string };
  /** The bearer token of POST /mail/v1/inbound, for an inbound-mail service (off without). */
  inboundMailToken?: string;
  /** The operator's token for /api/v1/admin (off without one). */
  adminToken?: string;
  /** The hub's public origin behind a reverse proxy, if it differs from what requests show. */
  publicUrl?: string;
  /** Whether this process delivers the outbox; off, it only answers the API and another process delivers. */
  outboxWorker: boolean;
  /** Reports the outbox sends side by side (each report's own deliveries go one after another). */
  outboxConcurrency: number;
  /**
   * Demo mode: the demo site is registered on a fresh database, and without
   * destinations.json the local national desk (no login) stands in for
   * SP4N-LAPOR!. On by default only for a hub that listens on loopback.
   */
  demo: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether the hub listens on this machine alone, where no one else can reach it. */
export const isLoopback = (host: string) => LOOPBACK.has(host);

const count = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|file:)/, 'DATABASE_URL is postgres://… or file:<path of a SQLite file>')
    .optional(),
  RATE_LIMIT_REPORTS_PER_HOUR: count(DEFAULT_RATE_LIMITS.reportsPerHour),
  RATE_LIMIT_LOOKUPS_PER_MINUTE: count(DEFAULT_RATE_LIMITS.lookupsPerMinute),
  RATE_LIMIT_VOTES_PER_HOUR: count(DEFAULT_RATE_LIMITS.votesPerHour),
  RATE_LIMIT_REPORTS_PER_HOUR_PER_SITE: count(DEFAULT_RATE_LIMITS.reportsPerHourPerSite),
  TRUST_PROXY: count(0),
  POW_MAX_NUMBER: count(DEFAULT_POW.maxNumber),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  NATIONAL_DESK_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CLOCK_SPEED: z.coerce.number().int().min(1).max(100_000).default(1),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('SP4N-LAPOR! <no-reply@localhost>'),
  REPLY_DOMAIN: z
    .string()
    .regex(
      /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i,
      'REPLY_DOMAIN is a domain, e.g. balas.lapor.example.go.id',
    )
    .optional(),
  MAIL_INTAKE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  MAIL_INTAKE_HOST: z.string().min(1).optional(),
  INBOUND_MAIL_TOKEN: z.string().min(24, 'INBOUND_MAIL_TOKEN must be at least 24 characters').optional(),
  ADMIN_TOKEN: z.string().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional(),
  OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DEFAULT_OUTBOX.concurrency),
  DEMO: z.enum(['on', 'off']).optional(),
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_PREFIX: z.string().max(200).optional(),
});

/** Reads the hub's settings from the environment, refusing values that would fail later. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings in the environment:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if ((e.MAIL_INTAKE_PORT !== undefined || e.INBOUND_MAIL_TOKEN) && !e.REPLY_DOMAIN) {
    throw new Error(
      'Invalid settings in the environment:\n  MAIL_INTAKE_PORT and INBOUND_MAIL_TOKEN take replies to REPLY_DOMAIN: set it',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    database: databaseOf(e.DATABASE_URL, resolve(e.DATA_DIR)),
    attachments: e.S3_BUCKET
      ? {
          s3: {
            bucket: e.S3_BUCKET,
            ...(e.S3_ENDPOINT && { endpoint: e.S3_ENDPOINT }),
            ...(e.S3_REGION && { region: e.S3_REGION }),
            ...(e.S3_PREFIX && { prefix: e.S3_PREFIX }),
          },
        }
      : { folder: resolve(e.ATTACHMENTS_DIR ?? join(e.DATA_DIR, 'attachments')) },
    rateLimits: {
      reportsPerHour: e.RATE_LIMIT_REPORTS_PER_HOUR,
      reportsPerHourPerSite: e.RATE_LIMIT_REPORTS_PER_HOUR_PER_SITE,
      lookupsPerMinute: e.RATE_LIMIT_LOOKUPS_PER_MINUTE,
      votesPerHour: e.RATE_LIMIT_VOTES_PER_HOUR,
    },
    trustedProxies: e.TRUST_PROXY,
    powMaxNumber: e.POW_MAX_NUMBER,
    clockSpeed: e.CLOCK_SPEED,
    nationalDeskPort: e.NATIONAL_DESK_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
    ...(e.PUBLIC_URL && { publicUrl: new URL(e.PUBLIC_URL).origin }),
    ...(e.ADMIN_TOKEN && { adminToken: e.ADMIN_TOKEN }),
    ...(e.SMTP_URL && { smtpUrl: e.SMTP_URL }),
    mailFrom: e.MAIL_FROM,
    ...(e.REPLY_DOMAIN && { replyDomain: e.REPLY_DOMAIN.toLowerCase() }),
    ...(e.MAIL_INTAKE_PORT !== undefined && {
      mailIntake: { port: e.MAIL_INTAKE_PORT, host: e.MAIL_INTAKE_HOST ?? e.HOST },
    }),
    ...(e.INBOUND_MAIL_TOKEN && { inboundMailToken: e.INBOUND_MAIL_TOKEN }),
    outboxWorker: e.OUTBOX_WORKER === 'on',
    outboxConcurrency: e.OUTBOX_CONCURRENCY,
    demo: e.DEMO ? e.DEMO === 'on' : isLoopback(e.HOST),
  };
}

/** A PostgreSQL URL as given; a `file:` URL or nothing names a SQLite file. */
function databaseOf(url: string | undefined, dataDir: string): string {
  if (!url) return join(dataDir, 'hub.sqlite');
  return url.startsWith('file:') ? resolve(url.slice('file:'.length)) : url;
}
