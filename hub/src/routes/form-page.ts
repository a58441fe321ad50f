import { Hono } from 'hono';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import * as z from 'zod';
import type { ResolvedDeps } from '../app';
import type { Site } from '../db/schema';
import { findSite } from '../sites/sites';
import { PAGE_CSP, PAGE_HEADERS } from './middleware/security-headers';

/** What a link to the form page may preset; anything else in the address is ignored. */
type Presets = z.infer<typeof presets>;
const presets = z.object({
  site: z.string().max(100).optional(),
  institution: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  lang: z.enum(['id', 'en']).catch('id'),
});

const TEXT = {
  id: {
    title: 'Buat laporan',
    lead: 'Sampaikan pengaduan, aspirasi, atau permintaan informasi. Laporan Anda diteruskan ke instansi yang berwenang melalui SP4N-LAPOR!, dan Anda mendapat Tracking ID untuk memantaunya.',
    noScript: 'Formulir ini memerlukan JavaScript. Tanpa JavaScript, Anda dapat melapor di',
    unknownSite:
      'Alamat formulir ini tidak dikenal oleh hub pengaduan. Periksa tautannya pada situs instansi, atau laporkan di',
  },
  en: {
    title: 'File a report',
    lead: 'Send a complaint, an aspiration or a request for information. Your report goes to the responsible institution through SP4N-LAPOR!, and you get a Tracking ID to follow it.',
    noScript: 'This form needs JavaScript. Without it, you can report at',
    unknownSite:
      'This form address is not known to the complaint hub. Check the link on the institution’s website, or report at',
  },
};

/**
 * The hub's own form page, `/lapor/?site=KEY`, for the pages where a script
 * cannot go (a CMS that strips scripts, a page builder): linked to, or
 * embedded in an `<iframe>`. Preset like the element: by site key, or by
 * institution and category. Only the site's own origins may frame it, so no
 * other website can dress it up as its own; the frame tells its parent how
 * tall the form is (frame.js), and `/widget/lapor-frame.js` on the parent
 * page sizes the iframe to it.
 */
export function formPageRoutes({ db, directory }: ResolvedDeps) {
  return new Hono<{ Variables: { presets: Presets; site?: Site } }>()
    .get('/lapor', (c) => c.redirect('/lapor/'))
    .use('/lapor/', async function framedBySiteOnly(c, next) {
      const query = presets.safeParse(c.req.query());
      const chosen: Presets = query.success ? query.data : { lang: 'id' };
      const site = chosen.site ? await findSite(db, chosen.site) : undefined;
      c.set('presets', chosen);
      if (site) c.set('site', site);
      // Only the site's own pages may frame the form; a page preset by institution alone is linked to, not framed.
      const frameAncestors = site?.origins.length ? site.origins : ["'none'"];
      return secureHeaders({
        ...PAGE_HEADERS,
        contentSecurityPolicy: { ...PAGE_CSP, frameAncestors },
        // X-Frame-Options knows no list of origins; frame-ancestors above says who may frame the page.
        ...(site?.origins.length && { xFrameOptions: false }),
      })(c, next);
    })
    .get('/lapor/', async (c) => {
      const { site: key, institution, category, lang } = c.get('presets');
      const site = c.get('site');
      const t = TEXT[lang];
      if (key && !site) {
        const unknown = html`<p>${t.unknownSite} <a href="https://www.lapor.go.id/">lapor.go.id</a>.</p>`;
        return c.html(await shell(lang, t.title, [], unknown), 404);
      }
      const attributes = {
        site: site?.key,
        institution: institution && directory.institution(institution) ? institution : undefined,
        category: category && directory.category(category) ? category : undefined,
      };
      const name = directory.institution(attributes.institution ?? site?.institutionId ?? '')?.name;
      const form = html`<h1>${t.title}</h1>
        ${name ? html`<p class="institution">${name}</p>` : ''}
        <p class="lead">${t.lead}</p>
        <lapor-form
          ${attributes.site ? html`site="${attributes.site}"` : ''}
          ${attributes.institution ? html`institution="${attributes.institution}"` : ''}
          ${attributes.category ? html`category="${attributes.category}"` : ''}
          tracker-url="/lacak/"
        ></lapor-form>
        <noscript><p>${t.noScript} <a href="https://www.lapor.go.id/">lapor.go.id</a>.</p></noscript>`;
      return c.html(await shell(lang, name ? `${t.title} · ${name}` : t.title, site?.origins ?? [], form), 200);
    });
}

/** The page around the form; `frameOrigins` are the pages frame.js may tell the form's height to. */
function shell(lang: 'id' | 'en', title: string, frameOrigins: readonly string[], main: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="${lang}" data-frame-origins="${frameOrigins.join(' ')}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/lacak/lacak.css" />
        <link rel="stylesheet" href="/lapor/lapor.css" />
        <script type="module" src="/widget/${lang === 'en' ? 'lapor-form.en.js' : 'lapor-form.js'}"></script>
        <script type="module" src="/lapor/frame.js"></script>
      </head>
      <body>
        <main>${main}</main>
      </body>
    </html>`;
}
