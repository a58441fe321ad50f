import { createRoute } from '@hono/zod-openapi';
import { powChallengeSchema } from '../../../contract/responses';
import { issueChallenge } from '../abuse/proof-of-work';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';

const getChallenge = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getChallenge',
  summary: 'A proof-of-work puzzle for the next report',
  responses: {
    200: answer('A puzzle, valid for ten minutes.', powChallengeSchema),
    ...failures({ 404: 'This hub asks for no proof of work.', ...PUBLIC_FAILURES }),
  },
});

/** A fresh proof-of-work puzzle for the next report; 404 when this hub does not ask for one. */
export function challengeRoutes({ proofOfWork }: ResolvedDeps) {
  return routes().openapi(getChallenge, async (c) => {
    if (!proofOfWork) throw new DomainError('not_found', 'This hub does not ask for a proof of work');
    c.header('Cache-Control', 'no-store');
    return c.json(await issueChallenge(proofOfWork), 200);
  });
}
