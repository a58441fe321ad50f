import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, asc, count, inArray, type SQL, sql } from 'drizzle-orm';
import * as z from 'zod';
import { type Category, type Institution, type Page, SLUG } from '../../../contract';
import type { Db } from '../db/client';
import { categories, institutions } from '../db/schema';

const BUILTIN = new URL('../../data/', import.meta.url);

const slug = z.string().max(64).regex(SLUG);
export const institutionsFile = z.array(
  z.object({
    id: slug,
    name: z.string().trim().min(1).max(300),
    type: z.enum(['kementerian', 'lembaga', 'pemerintah-daerah', 'unit']),
    parentId: slug.optional(),
    timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).optional(),
  }),
);
const categoriesFile = z.array(z.object({ id: slug, name: z.string().trim().min(1).max(200) }));

/** The institutions and categories a report may be addressed to, kept in the database. */
export interface Directory {
  institution(id: string): Institution | undefined;
  /** A page of institutions; with `query`, those whose name or id holds every word, those starting with it first. */
  institutions(options: { query?: string; limit: number; offset: number }): Page<Institution>;
  category(id: string): Category | undefined;
  categories(): Category[];
  /** The institution's id and its parents' ids, nearest first: a school, its ministry. */
  lineage(id: string): string[];
}

const toInstitution = (row: typeof institutions.$inferSelect): Institution => ({
  id: row.id,
  name: row.name,
  type: row.type,
  ...(row.parentId && { parentId: row.parentId }),
  ...(row.timeZone && { timeZone: row.timeZone }),
});

/**
 * Every report looks up its institution, the institution's parents and its
 * category, so the hub keeps the directory (hundreds to a few thousand rows)
 * in memory. A write in this process refreshes it at once; one made by
 * another process (the CLI's import, another hub) within `DIRECTORY_TTL_MS`.
 */
export const DIRECTORY_TTL_MS = 10_000;
interface Snapshot {
  at: number;
  institutions: Map<string, Institution>;
  categories: Map<string, Category>;
}
const snapshots = new WeakMap<Db, Snapshot>();

function snapshot(db: Db): Snapshot {
  const held = snapshots.get(db);
  if (held && Date.now() - held.at < DIRECTORY_TTL_MS) return held;
  const fresh: Snapshot = {
    at: Date.now(),
    institutions: new Map(
      db
        .select()
        .from(institutions)
        .all()
        .map((row) => [row.id, toInstitution(row)]),
    ),
    categories: new Map(
      db
        .select()
        .from(categories)
        .all()
        .map((row) => [row.id, { id: row.id, name: row.name }]),
    ),
  };
  snapshots.set(db, fresh);
  return fresh;
}

export function createDirectory(db: Db): Directory {
  return {
    institution(id) {
      return snapshot(db).institutions.get(id);
    },
    institutions({ query, limit, offset }) {
      const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const text = sql`lower(${institutions.name} || ' ' || ${institutions.id})`;
      const where: SQL | undefined = words.length
        ? and(...words.map((word) => sql`instr(${text}, ${word}) > 0`))
        : undefined;
      const first = words[0] ?? '';
      const rows = db
        .select()
        .from(institutions)
        .where(where)
        .orderBy(
          sql`case when ${text} like ${`${first}%`} or instr(${text}, ${` ${first}`}) > 0 then 0 else 1 end`,
          asc(institutions.name),
        )
        .limit(limit)
        .offset(offset)
        .all();
      const [total] = db.select({ n: count() }).from(institutions).where(where).all();
      return { items: rows.map(toInstitution), total: total?.n ?? 0, limit, offset };
    },
    category(id) {
      return snapshot(db).categories.get(id);
    },
    categories() {
      return db.select().from(categories).orderBy(asc(categories.name)).all();
    },
    lineage(id) {
      const ids: string[] = [];
      for (
        let current = this.institution(id);
        current && !ids.includes(current.id);
        current = current.parentId ? this.institution(current.parentId) : undefined
      ) {
        ids.push(current.id);
      }
      return ids;
    },
  };
}

/**
 * Adds or updates institutions in one transaction. Every parent must exist,
 * in the database or in the same batch; ids are unique within the batch.
 */
export function upsertInstitutions(
  db: Db,
  list: Institution[],
  source: 'builtin' | 'import',
  now = new Date(),
): number {
  const ids = new Set(list.map((i) => i.id));
  if (ids.size !== list.length) throw new Error('institution ids must be unique');
  const parents = [...new Set(list.flatMap((i) => (i.parentId && !ids.has(i.parentId) ? [i.parentId] : [])))];
  const known = new Set(
    parents.length
      ? db
          .select({ id: institutions.id })
          .from(institutions)
          .where(inArray(institutions.id, parents))
          .all()
          .map((r) => r.id)
      : [],
  );
  const missing = parents.filter((id) => !known.has(id));
  if (missing.length) throw new Error(`unknown parent institution(s): ${missing.join(', ')}`);
  db.transaction((tx) => {
    for (const i of list) {
      const row = {
        name: i.name,
        type: i.type,
        parentId: i.parentId ?? null,
        timeZone: i.timeZone ?? null,
        source,
        updatedAt: now,
      };
      tx.insert(institutions)
        .values({ id: i.id, ...row })
        .onConflictDoUpdate({ target: institutions.id, set: row })
        .run();
    }
  });
  snapshots.delete(db);
  return list.length;
}

/** Reads and checks an institutions file (a JSON array of {id, name, type, parentId?}). */
export function readInstitutionsFile(path: string): Institution[] {
  return institutionsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Brings the database up to the directory shipped in `hub/data/`; imported institutions are kept. */
export function syncBuiltinDirectory(db: Db, dir: URL = BUILTIN): void {
  const file = (name: string) => fileURLToPath(new URL(name, dir));
  upsertInstitutions(db, readInstitutionsFile(file('institutions.json')), 'builtin');
  const list = categoriesFile.parse(JSON.parse(readFileSync(file('categories.json'), 'utf8')));
  db.transaction((tx) => {
    for (const c of list) {
      tx.insert(categories)
        .values(c)
        .onConflictDoUpdate({ target: categories.id, set: { name: c.name } })
        .run();
    }
  });
  snapshots.delete(db);
}
