import { Hono } from 'hono';
import type { ResolvedDeps } from '../app';

export function directoryRoutes({ directory }: ResolvedDeps) {
  return new Hono()
    .get('/institutions', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ items: directory.institutions });
    })
    .get('/categories', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ items: directory.categories });
    });
}
