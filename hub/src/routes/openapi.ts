import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { openApiDocument } from '../openapi/document';
import { PAGES } from '../paths';
import { docsSecurity } from '../security-headers';

const PAGE = join(PAGES, 'api-docs');
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

/** The OpenAPI document, and an interactive reference page built on Swagger UI, self-hosted. */
export function openApiRoutes() {
  return new Hono()
    .get('/openapi.json', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(openApiDocument());
    })
    .get('/docs', (c) => c.redirect('/api/v1/docs/'))
    .use('/docs/*', docsSecurity(), compress())
    .get('/docs/', serveStatic({ path: join(PAGE, 'index.html') }))
    .get('/docs/init.js', serveStatic({ path: join(PAGE, 'init.js') }))
    .get(
      '/docs/:file',
      async (c, next) => (SWAGGER_FILES.has(c.req.param('file')) ? next() : c.notFound()),
      serveStatic({ root: SWAGGER_UI, rewriteRequestPath: (path) => path.replace(/^.*\/docs\//, '/') }),
    );
}
