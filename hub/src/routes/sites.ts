import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { siteConfigSchema } from '../../../contract/responses';
import type { ResolvedDeps } from '../app';
import { siteConfig } from '../sites/sites';
import { answer, failures, PUBLIC_FAILURES, routes } from './declare';

const getSiteConfig = createRoute({
  method: 'get',
  path: '/{key}/config',
  operationId: 'getSiteConfig',
  summary: "A registered website's presets",
  request: { params: z.object({ key: z.string().meta({ description: 'The site key.' }) }) },
  responses: {
    200: answer('The presets.', siteConfigSchema),
    ...failures({ 404: 'No such site.', ...PUBLIC_FAILURES }),
  },
});

/** What a widget with `site="…"` needs: the site's presets, by its public key. */
export function siteRoutes({ db, directory }: ResolvedDeps) {
  return routes().openapi(getSiteConfig, async (c) => {
    const config = await siteConfig(db, directory, c.req.valid('param').key);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(config, 200);
  });
}
