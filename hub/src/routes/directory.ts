import { Hono } from 'hono';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { parseQuery } from './query';

const institutionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function directoryRoutes({ directory }: ResolvedDeps) {
  return new Hono()
    .use(async function directoryCaching(c, next) {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=300');
    })
    .get('/institutions', async (c) => {
      const { q, limit, offset } = parseQuery(c, institutionQuery);
      return c.json(await directory.institutions({ query: q, limit, offset }));
    })
    .get('/institutions/:id', (c) => {
      const institution = directory.institution(c.req.param('id'));
      if (!institution) throw new DomainError('not_found', 'No institution has this id');
      return c.json(institution);
    })
    .get('/categories', async (c) => c.json({ items: await directory.categories() }));
}
