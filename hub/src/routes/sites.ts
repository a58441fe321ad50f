import { Hono } from 'hono';
import type { SiteConfig } from '../../../contract';
import type { ResolvedDeps } from '../app';
import { DomainError } from '../errors';
import { findSite } from '../sites/sites';

/** What a widget with `site="…"` needs: the site's presets, by its public key. */
export function siteRoutes({ db, directory }: ResolvedDeps) {
  return new Hono().get('/:key/config', async (c) => {
    const site = await findSite(db, c.req.param('key'));
    if (!site) throw new DomainError('not_found', 'No site is registered under this key');
    const institution = directory.institution(site.institutionId);
    const category = site.categoryId ? directory.category(site.categoryId) : undefined;
    const config: SiteConfig = {
      key: site.key,
      name: site.name,
      institution: { id: site.institutionId, name: institution?.name ?? site.institutionId },
      ...(category && { category: { id: category.id, name: category.name } }),
      lockInstitution: site.lockInstitution,
    };
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(config);
  });
}
