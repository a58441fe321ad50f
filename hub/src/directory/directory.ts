import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { Category, Institution } from '../../../contract';

const DATA = new URL('../../data/', import.meta.url);

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const institutionsFile = z.array(
  z.object({
    id: slug,
    name: z.string().min(1),
    type: z.enum(['kementerian', 'lembaga', 'pemerintah-daerah', 'unit']),
    parentId: slug.optional(),
  }),
);
const categoriesFile = z.array(z.object({ id: slug, name: z.string().min(1) }));

/** The institutions and categories a report may be addressed to. */
export interface Directory {
  institutions: readonly Institution[];
  categories: readonly Category[];
  institution(id: string): Institution | undefined;
  /** Institutions whose name or id holds every word of `query`, those starting with it first. */
  searchInstitutions(query: string): Institution[];
  category(id: string): Category | undefined;
}

export function createDirectory(institutions: Institution[], categories: Category[]): Directory {
  const institutionById = new Map(institutions.map((i) => [i.id, i]));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  for (const i of institutions) {
    if (i.parentId && !institutionById.has(i.parentId)) {
      throw new Error(`institution ${i.id} names an unknown parent ${i.parentId}`);
    }
  }
  if (institutionById.size !== institutions.length) throw new Error('institution ids must be unique');
  if (categoryById.size !== categories.length) throw new Error('category ids must be unique');
  const folded = institutions.map((i) => ({ institution: i, text: `${i.name} ${i.id}`.toLowerCase() }));
  return {
    institutions,
    categories,
    institution: (id) => institutionById.get(id),
    searchInstitutions(query) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const first = words[0] ?? '';
      const rank = (text: string) => (text.startsWith(first) || text.includes(` ${first}`) ? 0 : 1);
      return folded
        .filter(({ text }) => words.every((word) => text.includes(word)))
        .sort((a, b) => rank(a.text) - rank(b.text))
        .map(({ institution }) => institution);
    },
    category: (id) => categoryById.get(id),
  };
}

/** Loads the directory from the JSON files in `hub/data/`, which an operator may edit. */
export function loadDirectory(dir: URL = DATA): Directory {
  const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(name, dir)), 'utf8'));
  return createDirectory(
    institutionsFile.parse(read('institutions.json')),
    categoriesFile.parse(read('categories.json')),
  );
}
