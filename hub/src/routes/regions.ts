import { createRoute } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import * as z from 'zod';
import type { Page, Region } from '../../../contract';
import { regionQuerySchema } from '../../../contract/requests';
import { regionPageSchema, regionWithPathSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';

const listRegions = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listRegions',
  summary: 'Administrative regions',
  description: "Provinces, a region's children, or a search, from the idn-area-data dataset. Cacheable with ETag.",
  request: { query: regionQuerySchema },
  responses: {
    200: answer('A page of regions.', regionPageSchema),
    ...failures({ 400: 'Invalid parameters.', 404: 'No region has the parent code.', ...PUBLIC_FAILURES }),
  },
});

const getRegion = createRoute({
  method: 'get',
  path: '/{code}',
  operationId: 'getRegion',
  summary: 'One region with its path',
  request: { params: z.object({ code: z.string().meta({ description: 'A region code such as 73.71.01.' }) }) },
  responses: {
    200: answer('The region.', regionWithPathSchema),
    ...failures({ 404: 'No such region.', ...PUBLIC_FAILURES }),
  },
});

/** Administrative regions; they change by decree, so a day's caching with ETag revalidation suits them. */
export function regionRoutes({ regions }: ResolvedDeps) {
  const app = routes();
  app.use(etag(), async function regionCaching(c, next) {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=86400');
  });
  return app
    .openapi(listRegions, (c) => {
      const { q, parent, limit, offset } = c.req.valid('query');
      if (parent && !regions.find(parent)) throw new DomainError('not_found', 'No region has this code');
      const all = q ? regions.search(q, parent) : regions.children(parent);
      const page: Page<Region> = { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
      return c.json(page, 200);
    })
    .openapi(getRegion, (c) => {
      const path = regions.path(c.req.valid('param').code);
      const region = path.at(-1);
      if (!region) throw new DomainError('not_found', 'No region has this code');
      return c.json({ ...region, path }, 200);
    });
}
