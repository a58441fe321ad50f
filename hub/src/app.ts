import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import type { ErrorBody, ErrorCode } from '../../contract';
import { DEFAULT_POW, type ProofOfWork } from './abuse/proof-of-work';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './abuse/rate-limits';
import type { AttachmentStore } from './attachments/store';
import type { Db } from './db/client';
import { GroupCommit } from './db/group-commit';
import type { DeskLinks } from './desk/links';
import type { Directory } from './directory/directory';
import { DomainError } from './errors';
import { createLogger } from './logging';
import type { ReplyAddresses } from './mail-replies/address';
import { PublicAnswers } from './monitor/answers';
import type { SimilarMatcher } from './monitor/similar';
import type { Mailer } from './notifications/mailer';
import { createRouting, type Routing, routingFile } from './outbox/routing';
import type { Keyring } from './privacy/keyring';
import type { Regions } from './regions/regions';
import { PublicViews } from './reports/public-views';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import { challengeRoutes } from './routes/challenge';
import { routes } from './routes/declare';
import { deskRoutes } from './routes/desk';
import { destinationRoutes } from './routes/destinations';
import { directoryRoutes } from './routes/directory';
import { ERROR_STATUS } from './routes/error-status';
import { followerRoutes } from './routes/followers';
import { formPageRoutes } from './routes/form-page';
import { healthRoutes } from './routes/health';
import { mailRoutes } from './routes/mail';
import { clientAddressResolver } from './routes/middleware/client-address';
import { originGuard } from './routes/middleware/origin-guard';
import { requestLog } from './routes/middleware/request-log';
import { apiSecurity } from './routes/middleware/security-headers';
import { notificationRoutes } from './routes/notifications';
import { open311Routes } from './routes/open311';
import { openApiRoutes } from './routes/openapi';
import { pollRoutes } from './routes/polls';
import { publicRoutes } from './routes/public';
import { regionRoutes } from './routes/regions';
import { reportLimits } from './routes/report-limits';
import { reporterActionRoutes } from './routes/reporter-actions';
import { reportRoutes } from './routes/reports';
import { similarRoutes } from './routes/similar';
import { siteRoutes } from './routes/sites';
import { smsRoutes } from './routes/sms';
import { type StaticRoots, staticRoutes } from './routes/static';
import type { SmsGateway } from './sms/gateway';
import type { WorkingCalendar } from './workflow/calendar';
import { type Clock, realClock } from './workflow/clock';

export interface AppDeps {
  db: Db;
  directory: Directory;
  /** Administrative regions, for the location of an incident. */
  regions: Regions;
  /** Where reports go onward, and the destinations themselves (default: everything to `lapor`, not yet configured). */
  routing?: Routing;
  /** Working days, for the workflow's deadlines. */
  calendar: WorkingCalendar;
  /** What deadlines are measured against (default: real time). */
  clock?: Clock;
  /** The keys that seal reporters' personal data and confidential content at rest. */
  keyring: Keyring;
  /** The proof of work asked of every report (default: on, signed with a secret derived from the keyring); null turns it off. */
  proofOfWork?: ProofOfWork | null;
  /** Where attachment bytes are kept. */
  attachments: AttachmentStore;
  /** Where the widget bundle and the demo site are served from; omitted, the hub serves the API only. */
  staticRoots?: StaticRoots;
  /** Per-address limits; defaults to DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits;
  /** Tells the client's address for rate limits; defaults to the TCP peer. */
  clientAddress?: (c: Context) => string;
  /** The hub's public origins (e.g. `https://lapor.example.go.id`), whose pages call the API same-origin behind a proxy. */
  selfOrigins?: string[];
  /** Sends the emails the hub sends while answering (a poll vote's confirmation link); without it such votes are refused. */
  mailer?: Mailer;
  /** The hub's public address, for links in emails (default: the address the request came to). */
  publicUrl?: string;
  /** The operator's token for /api/v1/admin; without it that API is off. */
  adminToken?: string;
  /** Signs the desk links in emails to institutions' desks and opens the desk page; without, no desk page. */
  deskLinks?: DeskLinks;
  /** Reply addresses of the hub's emails (REPLY_DOMAIN); without, emails say not to reply. */
  replyAddresses?: ReplyAddresses;
  /** The bearer token of POST /mail/v1/inbound (replies from an inbound-mail service); off without. */
  inboundMailToken?: string;
  /** The SMS gateways reports arrive through (DATA_DIR/sms.json); none without. */
  smsGateways?: ReadonlyMap<string, SmsGateway>;
  /** Ranks similar reports off the hub's thread (server.ts: a worker on SQLite); in this thread when omitted. */
  similarMatcher?: SimilarMatcher;
  /** Structured request and error logs; silent when omitted. */
  logger?: Logger;
  /** Receives errors the hub did not expect (default: the logger); they are answered with a bare 500. */
  onUnexpectedError?: (error: unknown) => void;
}

/** The dependencies with their defaults filled in, as routes receive them. */
export type ResolvedDeps = AppDeps &
  Required<Pick<AppDeps, 'rateLimits' | 'clientAddress' | 'selfOrigins' | 'proofOfWork' | 'routing' | 'clock'>> & {
    /** This app's kept public views of reports. */
    publicViews: PublicViews;
    /** This app's kept answers of public monitoring. */
    publicAnswers: PublicAnswers;
    /** Reports filed close together, committed together. */
    commits: GroupCommit;
  };

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_json',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Builds the hub's HTTP application; it opens no port and holds no globals, so tests call it directly. */
export function createApp(options: AppDeps) {
  const deps: ResolvedDeps = {
    rateLimits: DEFAULT_RATE_LIMITS,
    clientAddress: clientAddressResolver(0),
    selfOrigins: [],
    clock: realClock,
    routing: createRouting(routingFile.parse({})),
    proofOfWork: { ...DEFAULT_POW, secret: options.keyring.deriveSecret('altcha') },
    ...options,
    publicViews: new PublicViews(),
    publicAnswers: new PublicAnswers(),
    commits: new GroupCommit(
      options.db,
      // SQLite has one writer, and what arrived in one turn of the event loop is a group; PostgreSQL commits
      // two groups at a time over its pool, and a group waits a millisecond for more (measured best of 0–2 ms, 1–8 groups).
      options.db.$dialect === 'postgres' ? { concurrency: 2, waitMs: 1 } : { concurrency: 1, waitMs: 0 },
    ),
  };
  const limits = reportLimits(deps);
  const api = routes().basePath('/api/v1');
  api.use(async function refuseNul(c, next) {
    // No address of the API holds a NUL, and PostgreSQL could not compare one: refused before any route.
    if (/%00/i.test(c.req.url)) {
      return c.json(errorBody('validation_failed', 'The address holds a NUL character'), 400);
    }
    await next();
  });
  api.use(originGuard(deps));
  api
    // Before the report routes: `similar` is no Tracking ID.
    .route('/reports', similarRoutes(deps, limits))
    .route('/reports', followerRoutes(deps, limits))
    .route('/reports', reportRoutes(deps, limits))
    .route('/reports', reporterActionRoutes(deps, limits))
    .route('/reports', attachmentRoutes(deps, limits))
    .route('/polls', pollRoutes(deps, limits))
    .route('/public', publicRoutes(deps, limits))
    .route('/regions', regionRoutes(deps))
    .route('/sites', siteRoutes(deps))
    .route('/challenge', challengeRoutes(deps))
    .route('/health', healthRoutes(deps))
    .route('/destinations', destinationRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/notifications', notificationRoutes(deps))
    .route('/', directoryRoutes(deps))
    .route('/', openApiRoutes(api));

  const logger = deps.logger ?? createLogger().child({}, { level: 'silent' });
  const app = new Hono<{ Variables: RequestIdVariables }>()
    .use(requestId(), requestLog(logger), apiSecurity())
    .route('/', api)
    .route('/open311/v2', open311Routes(deps, limits))
    .route('/sms/v1', smsRoutes(deps, deps.smsGateways ?? new Map()));
  if (deps.deskLinks) app.route('/desk/v1', deskRoutes(deps, deps.deskLinks, limits));
  if (deps.replyAddresses && deps.inboundMailToken) {
    app.route('/mail/v1', mailRoutes(deps, deps.replyAddresses, deps.inboundMailToken));
  }
  if (deps.staticRoots) app.route('/', formPageRoutes(deps)).route('/', staticRoutes(deps.staticRoots));

  app.notFound((c) => c.json(errorBody('not_found', 'There is nothing at this address'), 404));
  app.onError((error, c) => {
    if (error instanceof DomainError) return c.json(error.toBody(), ERROR_STATUS[error.code]);
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      return c.json(errorBody(CODE_BY_STATUS[status] ?? 'invalid_json', error.message || 'Bad request'), status);
    }
    if (deps.onUnexpectedError) deps.onUnexpectedError(error);
    else logger.error({ reqId: c.get('requestId'), err: error }, 'unexpected error');
    return c.json(errorBody('internal_error', 'The hub could not handle this request; please try again later'), 500);
  });
  return app;
}

function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

export type App = ReturnType<typeof createApp>;
