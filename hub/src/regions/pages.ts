import type { Page, Region } from '../../../contract';
import { DomainError } from '../errors';
import type { Regions } from './regions';

/** A page of regions: a search (within `parent`, if given), or `parent`'s children (the provinces without one). */
export function regionPage(
  regions: Regions,
  { q, parent, limit, offset }: { q?: string; parent?: string; limit: number; offset: number },
): Page<Region> {
  if (parent && !regions.find(parent)) throw new DomainError('not_found', 'No region has this code');
  const all = q ? regions.search(q, parent) : regions.children(parent);
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}

/** One region with its path from the province down. */
export function regionWithPath(regions: Regions, code: string): Region & { path: Region[] } {
  const path = regions.path(code);
  const region = path.at(-1);
  if (!region) throw new DomainError('not_found', 'No region has this code');
  return { ...region, path };
}
