import { Hono } from 'hono';
import { etag } from 'hono/etag';
import * as z from 'zod';
import { type Page, REGION_CODE, type Region } from '../../../contract';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { parseQuery } from './query';

const regionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parent: z.string().regex(REGION_CODE).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Administrative regions; they change by decree, so a day's caching with ETag revalidation suits them. */
export function regionRoutes({ regions }: ResolvedDeps) {
  return new Hono()
    .use(etag(), async function regionCaching(c, next) {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=86400');
    })
    .get('/', (c) => {
      const { q, parent, limit, offset } = parseQuery(c, regionQuery);
      if (parent && !regions.find(parent)) throw new DomainError('not_found', 'No region has this code');
      const all = q ? regions.search(q, parent) : regions.children(parent);
      const page: Page<Region> = { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
      return c.json(page);
    })
    .get('/:code', (c) => {
      const path = regions.path(c.req.param('code'));
      if (!path.length) throw new DomainError('not_found', 'No region has this code');
      return c.json({ ...path[path.length - 1], path });
    });
}
