import type { Context } from 'hono';
import { rateLimitKey } from '../abuse/client-address';
import type { ResolvedDeps } from '../app';
import type { Admitted } from './admission';
import { limitPer } from './middleware/rate-limit';
import { sharedCounts } from './middleware/shared-counts';
import type { Open311Authenticated } from './open311';

const HOUR = 3_600_000;

/**
 * The limits on reports, lookups and votes, built once per app: every route that
 * counts lookups shares one count per address. On PostgreSQL several hub
 * processes may answer, so they count in the database, together.
 */
export function reportLimits({ db, rateLimits, clientAddress }: ResolvedDeps) {
  const counts = (namespace: string) => (db.$dialect === 'postgres' ? sharedCounts(db, namespace) : undefined);
  const byNetwork = (c: Context) => rateLimitKey(clientAddress(c));
  return {
    reportsPerAddress: limitPer({
      store: counts('reports-per-address'),
      limit: rateLimits.reportsPerHour,
      windowMs: HOUR,
      key: byNetwork,
      what: 'address',
    }),
    // Site keys are public: only reports the site really passed on count against it, so junk sent with a
    // school's key (no proof of work, a foreign page, invalid fields) cannot use up its hour.
    reportsPerSite: limitPer({
      store: counts('reports-per-site'),
      limit: rateLimits.reportsPerHourPerSite,
      windowMs: HOUR,
      key: (c) => (c as Context<Admitted>).get('site')?.key,
      what: 'website',
      onlyAccepted: true,
    }),
    // An Open311 client files for many people from one address: it is counted by its key, as a site is.
    reportsPerOpen311Client: limitPer({
      store: counts('reports-per-open311-client'),
      limit: rateLimits.reportsPerHourPerSite,
      windowMs: HOUR,
      key: (c) => (c as Context<Open311Authenticated>).get('open311Client')?.id,
      what: 'Open311 client',
      onlyAccepted: true,
    }),
    votesPerAddress: limitPer({
      store: counts('votes-per-address'),
      limit: rateLimits.votesPerHour,
      windowMs: HOUR,
      key: byNetwork,
      what: 'address',
    }),
    lookupsPerAddress: limitPer({
      store: counts('lookups-per-address'),
      limit: rateLimits.lookupsPerMinute,
      windowMs: 60_000,
      key: byNetwork,
      what: 'address',
    }),
  };
}

export type ReportLimits = ReturnType<typeof reportLimits>;
