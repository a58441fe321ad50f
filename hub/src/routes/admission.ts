import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { checkSolution, type Solution } from '../abuse/proof-of-work';
import type { ResolvedDeps } from '../app';
import type { Site } from '../db/schema';
import { DomainError } from '../errors';
import { findSite } from '../sites/sites';
import { isSelfOrigin } from './middleware/origin-guard';

/** What the admission check found out about a report's request. */
export type Admitted = { Variables: { site?: Site; solution?: Solution } };

/** The site a report comes through and its proof of work, checked before anything is counted against the site. */
export const admission = ({ db, proofOfWork, selfOrigins }: ResolvedDeps) =>
  createMiddleware<Admitted>(async function admission(c, next) {
    c.set('site', await siteOfRequest(c, db, selfOrigins));
    if (proofOfWork) c.set('solution', await checkSolution(db, proofOfWork, c.req.header('x-altcha')));
    await next();
  });

/**
 * The site named by `X-Lapor-Site`, if any. From a browser, the page must be
 * one of that site's origins: a key copied onto a foreign website is useless.
 */
export async function siteOfRequest(
  c: Context,
  db: ResolvedDeps['db'],
  selfOrigins: readonly string[],
): Promise<Site | undefined> {
  const key = c.req.header('x-lapor-site');
  if (!key) return undefined;
  const site = await findSite(db, key);
  if (!site) throw new DomainError('unknown_site', 'No site is registered under this key');
  const origin = c.req.header('origin');
  if (origin && !site.origins.includes(origin) && !isSelfOrigin(c, origin, selfOrigins)) {
    throw new DomainError('origin_not_allowed', `The site ${site.name} does not include ${origin}`);
  }
  return site;
}
