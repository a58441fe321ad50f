import { Hono } from 'hono';
import { issueChallenge } from '../abuse/proof-of-work';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';

/** A fresh proof-of-work puzzle for the next report; 404 when this hub does not ask for one. */
export function challengeRoutes({ proofOfWork }: ResolvedDeps) {
  return new Hono().get('/', async (c) => {
    if (!proofOfWork) throw new DomainError('not_found', 'This hub does not ask for a proof of work');
    c.header('Cache-Control', 'no-store');
    return c.json(await issueChallenge(proofOfWork));
  });
}
