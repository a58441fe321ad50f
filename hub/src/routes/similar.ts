import { createRoute } from '@hono/zod-openapi';
import { similarReportsQuerySchema } from '../../../contract/requests';
import { similarReportsSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { similarReports } from '../monitor/similar';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';
import type { ReportLimits } from './report-limits';

const similarRoute = createRoute({
  tags: ['public monitoring'],
  method: 'get',
  path: '/similar',
  operationId: 'similarReports',
  summary: 'Published reports still being handled that say what a visitor is writing',
  description:
    'For the form’s “laporan serupa”: up to three reports at the institution (or one under it), forwarded and not finished, whose masked text is close to `q`, with the public fields only. Never a confidential report.',
  request: { query: similarReportsQuerySchema },
  responses: {
    200: answer('The closest first; none when nothing is close enough.', similarReportsSchema),
    ...failures({ 400: 'No institution or no text (`validation_failed`).', ...PUBLIC_FAILURES }),
  },
});

/** Similar reports, limited like lookups: a form asks as its visitor pauses, never per keystroke. */
export function similarRoutes(deps: ResolvedDeps, limits: ReportLimits) {
  return routes().openapi({ ...similarRoute, middleware: [limits.lookupsPerAddress] }, async (c) => {
    const items = await similarReports(deps, c.req.valid('query'), deps.clock());
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ items }, 200);
  });
}
