import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { compress } from 'hono/compress';
import * as z from 'zod';
import { PAGES } from '../paths';
import { routes } from './declare';
import { docsSecurity } from './middleware/security-headers';

const PAGE = join(PAGES, 'api-docs');
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'lapor-embed hub',
    version: '1',
    description:
      'Files reports into SP4N-LAPOR! for embedded widgets and integrators, and shows where they stand. Errors are JSON `{"error": {"code", "message", "fields"?}}`.',
  },
};

const getOpenApi = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This document',
  responses: {
    200: {
      description: 'The OpenAPI 3.1 document, generated from the routes as they are declared.',
      content: { 'application/json': { schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
    },
  },
});

/**
 * The API's OpenAPI document, generated once from every route `api` holds
 * (declared with their schemas), and an interactive reference page built on
 * Swagger UI, self-hosted. Mount it last, once every other route is in `api`.
 */
export function openApiRoutes<E extends Env>(api: OpenAPIHono<E>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'operator', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN of the hub.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'receipt', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: "The reporter's receipt, as `Receipt <receipt>`; it opens the reporter's own view.",
  });
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  const docs = routes();
  docs.use('/docs/*', docsSecurity(), compress());
  return docs
    .openapi(getOpenApi, (c) => {
      document ??= api.getOpenAPI31Document(DOCUMENT);
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(document as { openapi: '3.1.0' }, 200);
    })
    .get('/docs', (c) => c.redirect('/api/v1/docs/'))
    .get('/docs/', serveStatic({ path: join(PAGE, 'index.html') }))
    .get('/docs/init.js', serveStatic({ path: join(PAGE, 'init.js') }))
    .get(
      '/docs/:file',
      async (c, next) => (SWAGGER_FILES.has(c.req.param('file')) ? next() : c.notFound()),
      serveStatic({ root: SWAGGER_UI, rewriteRequestPath: (path) => path.replace(/^.*\/docs\//, '/') }),
    );
}
