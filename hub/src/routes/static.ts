import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { pageSecurity } from './middleware/security-headers';

export interface StaticRoots {
  /** Folder holding the built widget bundle (`lapor.js`). */
  widget: string;
  /** Folder holding the demo site, served in demo mode only. */
  demo?: string;
  /** Folder holding the hub's own pages: the tracker page `/lacak/`, the form page's files under `/lapor/`. */
  pages: string;
}

/**
 * The widget bundle, loadable as a module script from any website (module
 * scripts need CORS), compressed for visitors on slow mobile networks; the
 * hub's tracker page, which every receipt points to; and the demo site.
 */
export function staticRoutes(roots: StaticRoots) {
  const routes = new Hono()
    .use('/widget/*', cors({ origin: '*' }), compress(), async function widgetCaching(c, next) {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=300');
    })
    .get('/widget/*', serveStatic({ root: roots.widget, rewriteRequestPath: (path) => path.replace(/^\/widget/, '') }))
    .get('/', (c) => c.redirect(roots.demo ? '/demo/' : '/lacak/'))
    .get('/lacak', (c) => c.redirect('/lacak/'))
    .use('/lacak/*', pageSecurity())
    .get('/lacak/*', serveStatic({ root: roots.pages }))
    // The form page itself is a route (form-page.ts); its stylesheet and frame script are files.
    .use('/lapor/*', pageSecurity())
    .get('/lapor/*', serveStatic({ root: roots.pages }));
  if (!roots.demo) return routes;
  const demo = roots.demo;
  return routes
    .use('/demo/*', pageSecurity())
    .get('/demo/*', serveStatic({ root: demo, rewriteRequestPath: (path) => path.replace(/^\/demo/, '') }));
}
