import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { institutionQuerySchema } from '../../../contract/requests';
import { categoryListSchema, institutionPageSchema, institutionSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';

const listInstitutions = createRoute({
  method: 'get',
  path: '/institutions',
  operationId: 'listInstitutions',
  summary: 'The directory of institutions',
  request: { query: institutionQuerySchema },
  responses: {
    200: answer('A page of institutions, best matches first.', institutionPageSchema),
    ...failures({ 400: 'Invalid parameters (`validation_failed`).', ...PUBLIC_FAILURES }),
  },
});

const getInstitution = createRoute({
  method: 'get',
  path: '/institutions/{id}',
  operationId: 'getInstitution',
  summary: 'One institution',
  request: { params: z.object({ id: z.string().meta({ description: "The institution's id, e.g. kemenperin." }) }) },
  responses: {
    200: answer('The institution.', institutionSchema),
    ...failures({ 404: 'No such institution.', ...PUBLIC_FAILURES }),
  },
});

const listCategories = createRoute({
  method: 'get',
  path: '/categories',
  operationId: 'listCategories',
  summary: 'Report categories',
  responses: { 200: answer('Every category.', categoryListSchema), ...failures(PUBLIC_FAILURES) },
});

/** The directory of institutions and the categories of reports; both change rarely, so they may be cached. */
export function directoryRoutes({ directory }: ResolvedDeps) {
  const app = routes();
  app.use(async function directoryCaching(c, next) {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=300');
  });
  return app
    .openapi(listInstitutions, async (c) => {
      const { q, limit, offset } = c.req.valid('query');
      return c.json(await directory.institutions({ query: q, limit, offset }), 200);
    })
    .openapi(getInstitution, (c) => {
      const institution = directory.institution(c.req.valid('param').id);
      if (!institution) throw new DomainError('not_found', 'No institution has this id');
      return c.json(institution, 200);
    })
    .openapi(listCategories, async (c) => c.json({ items: await directory.categories() }, 200));
}
