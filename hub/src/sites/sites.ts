import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { SiteConfig } from '../../../contract';
import type { Db } from '../db/client';
import type { Site } from '../db/schema';
import type { Directory } from '../directory/directory';
import { DomainError } from '../errors';

/** The key of the site `npm start` registers for the demo on localhost. */
export const DEMO_SITE_KEY = 'demo';

export interface NewSite {
  name: string;
  origins: string[];
  institutionId: string;
  categoryId?: string;
  lockInstitution?: boolean;
  key?: string;
}

/** `https://Sekolah.example.sch.id/` → `https://sekolah.example.sch.id`; anything but a bare http(s) origin is refused. */
export function normalizeOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`not an origin: ${text}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`an origin is a scheme, host and optional port only, e.g. https://sekolah.example.sch.id: ${text}`);
  }
  return url.origin;
}

/** Registers a site and returns it with its public key. */
export async function addSite(db: Db, site: NewSite, now = new Date()): Promise<Site> {
  const { categories, institutions, sites } = db.$tables;
  const origins = [...new Set(site.origins.map(normalizeOrigin))];
  if (!origins.length) throw new Error('a site needs at least one origin');
  if (!site.name.trim()) throw new Error('a site needs a name');
  if (!(await db.select().from(institutions).where(eq(institutions.id, site.institutionId))).length) {
    throw new Error(`unknown institution: ${site.institutionId}`);
  }
  if (site.categoryId && !(await db.select().from(categories).where(eq(categories.id, site.categoryId))).length) {
    throw new Error(`unknown category: ${site.categoryId}`);
  }
  const row: Site = {
    key: site.key ?? `site_${randomBytes(12).toString('base64url')}`,
    name: site.name.trim(),
    origins,
    institutionId: site.institutionId,
    categoryId: site.categoryId ?? null,
    lockInstitution: site.lockInstitution ?? false,
    createdAt: now,
  };
  await db.insert(sites).values(row);
  return row;
}

export function listSites(db: Db): Promise<Site[]> {
  const { sites } = db.$tables;
  return db.select().from(sites).orderBy(asc(sites.createdAt));
}

export async function findSite(db: Db, key: string): Promise<Site | undefined> {
  const { sites } = db.$tables;
  const [site] = await db.select().from(sites).where(eq(sites.key, key));
  return site;
}

/** What a widget with `site="…"` is preset to, by the site's public key. */
export async function siteConfig(db: Db, directory: Directory, key: string): Promise<SiteConfig> {
  const site = await findSite(db, key);
  if (!site) throw new DomainError('not_found', 'No site is registered under this key');
  const institution = directory.institution(site.institutionId);
  const category = site.categoryId ? directory.category(site.categoryId) : undefined;
  return {
    key: site.key,
    name: site.name,
    institution: { id: site.institutionId, name: institution?.name ?? site.institutionId },
    ...(category && { category: { id: category.id, name: category.name } }),
    lockInstitution: site.lockInstitution,
  };
}

export async function removeSite(db: Db, key: string): Promise<boolean> {
  const { sites } = db.$tables;
  return (await db.delete(sites).where(eq(sites.key, key)).returning({ key: sites.key })).length > 0;
}

/** Whether any registered site lists this origin. */
export async function isRegisteredOrigin(db: Db, origin: string): Promise<boolean> {
  const { sites } = db.$tables;
  const listed =
    db.$dialect === 'postgres'
      ? sql`${sites.origins} @> ${JSON.stringify([origin])}::jsonb`
      : sql`exists (select 1 from json_each(${sites.origins}) where json_each.value = ${origin})`;
  return (await db.select({ key: sites.key }).from(sites).where(listed).limit(1)).length > 0;
}
