import { createRoute } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import * as z from 'zod';
import { regionQuerySchema } from '../../../contract/requests';
import { regionPageSchema, regionWithPathSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { regionPage, regionWithPath } from '../regions/pages';
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
    .openapi(listRegions, (c) => c.json(regionPage(regions, c.req.valid('query')), 200))
    .openapi(getRegion, (c) => c.json(regionWithPath(regions, c.req.valid('param').code), 200));
}
