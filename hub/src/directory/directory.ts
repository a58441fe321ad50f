import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, count, inArray, type SQL, sql } from 'drizzle-orm';
import * as z from 'zod';
import { type Category, type Institution, type Page, SLUG } from '../../../contract';
import type { Db } from '../db/client';
import type { Tables } from '../db/schema';
import { HUB_DATA } from '../paths';

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

/**
 * The institutions and categories a report may be addressed to, kept in the
 * database. Single lookups answer from memory; listings ask the database.
 */
export interface Directory {
  institution(id: string): Institution | undefined;
  /** A page of institutions; with `query`, those whose name or id holds every word, those starting with it first. */
  institutions(options: { query?: string; limit: number; offset: number }): Promise<Page<Institution>>;
  category(id: string): Category | undefined;
  categories(): Promise<Category[]>;
  /** The institution's id and its parents' ids, nearest first: a school, its ministry. */
  lineage(id: string): string[];
  /** The institution's id and every institution's under it: a ministry, its offices, their schools. */
  family(id: string): string[];
}

const toInstitution = (row: Tables['institutions']['$inferSelect']): Institution => ({
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
 * another process (the CLI's import, another hub) shows within
 * `DIRECTORY_TTL_MS`: a lookup after that answers from what is held and
 * reloads it meanwhile.
 */
export const DIRECTORY_TTL_MS = 10_000;
interface Snapshot {
  at: number;
  institutions: Map<string, Institution>;
  categories: Map<string, Category>;
}
const snapshots = new WeakMap<Db, { current: Snapshot; reloading?: Promise<void> }>();

async function load(db: Db): Promise<Snapshot> {
  const { categories, institutions } = db.$tables;
  const at = Date.now();
  const [institutionRows, categoryRows] = await Promise.all([
    db.select().from(institutions),
    db.select().from(categories),
  ]);
  return {
    at,
    institutions: new Map(institutionRows.map((row) => [row.id, toInstitution(row)])),
    categories: new Map(categoryRows.map((row) => [row.id, { id: row.id, name: row.name }])),
  };
}

/** Each institution's children, worked out once per snapshot: a family is asked for on every suggestion. */
const childrenBySnapshot = new WeakMap<Snapshot, Map<string, string[]>>();

function childrenOf(held: Snapshot): Map<string, string[]> {
  let children = childrenBySnapshot.get(held);
  if (!children) {
    children = new Map();
    for (const institution of held.institutions.values()) {
      if (!institution.parentId) continue;
      children.set(institution.parentId, [...(children.get(institution.parentId) ?? []), institution.id]);
    }
    childrenBySnapshot.set(held, children);
  }
  return children;
}

function snapshot(db: Db): Snapshot {
  const held = snapshots.get(db);
  if (!held) throw new Error('the directory is read through createDirectory()');
  if (Date.now() - held.current.at >= DIRECTORY_TTL_MS && !held.reloading) {
    held.reloading = load(db)
      .then((fresh) => {
        held.current = fresh;
      })
      // The database is unreachable for now: keep answering from what is held, and try again on the next lookup.
      .catch(() => {})
      .finally(() => {
        held.reloading = undefined;
      });
  }
  return held.current;
}

/** Reloads the directory held for `db` after a write, so this process sees the write at once. */
async function reload(db: Db): Promise<void> {
  const held = snapshots.get(db);
  if (held) held.current = await load(db);
}

/** `text` holds `word` (SQL LIKE, with the word's own wildcards taken literally): the same on SQLite and PostgreSQL. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (text: SQL, word: string) => sql`${text} like ${`%${likeLiteral(word)}%`} escape '\\'`;
const startsWith = (text: SQL, word: string) => sql`${text} like ${`${likeLiteral(word)}%`} escape '\\'`;

export async function createDirectory(db: Db): Promise<Directory> {
  const { categories, institutions } = db.$tables;
  if (!snapshots.has(db)) snapshots.set(db, { current: await load(db) });
  const directory: Directory = {
    institution(id) {
      return snapshot(db).institutions.get(id);
    },
    async institutions({ query, limit, offset }) {
      const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const text = sql`lower(${institutions.name} || ' ' || ${institutions.id})`;
      const where: SQL | undefined = words.length ? and(...words.map((word) => contains(text, word))) : undefined;
      const first = words[0] ?? '';
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(institutions)
          .where(where)
          .orderBy(
            sql`case when ${startsWith(text, first)} or ${contains(text, ` ${first}`)} then 0 else 1 end`,
            asc(institutions.name),
          )
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(institutions).where(where),
      ]);
      return { items: rows.map(toInstitution), total: total?.n ?? 0, limit, offset };
    },
    category(id) {
      return snapshot(db).categories.get(id);
    },
    categories() {
      return db.select().from(categories).orderBy(asc(categories.name));
    },
    lineage(id) {
      const { institutions } = snapshot(db);
      const ids: string[] = [];
      for (
        let current = institutions.get(id);
        current && !ids.includes(current.id);
        current = current.parentId ? institutions.get(current.parentId) : undefined
      ) {
        ids.push(current.id);
      }
      return ids;
    },
    family(id) {
      const children = childrenOf(snapshot(db));
      const ids = new Set<string>();
      // Breadth first from the institution; a cycle in the data is walked once.
      for (let next: string[] = snapshot(db).institutions.has(id) ? [id] : []; next.length; ) {
        for (const member of next) ids.add(member);
        next = next.flatMap((parent) => children.get(parent) ?? []).filter((child) => !ids.has(child));
      }
      return [...ids];
    },
  };
  return directory;
}

/**
 * Adds or updates institutions in one transaction. Every parent must exist,
 * in the database or in the same batch; ids are unique within the batch.
 */
export async function upsertInstitutions(
  db: Db,
  list: Institution[],
  source: 'builtin' | 'import',
  now = new Date(),
): Promise<number> {
  const { institutions } = db.$tables;
  const ids = new Set(list.map((i) => i.id));
  if (ids.size !== list.length) throw new Error('institution ids must be unique');
  const parents = [...new Set(list.flatMap((i) => (i.parentId && !ids.has(i.parentId) ? [i.parentId] : [])))];
  const known = new Set(
    parents.length
      ? (await db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, parents))).map(
          (r) => r.id,
        )
      : [],
  );
  const missing = parents.filter((id) => !known.has(id));
  if (missing.length) throw new Error(`unknown parent institution(s): ${missing.join(', ')}`);
  await db.transaction(async (tx) => {
    for (const i of list) {
      const row = {
        name: i.name,
        type: i.type,
        parentId: i.parentId ?? null,
        timeZone: i.timeZone ?? null,
        source,
        updatedAt: now,
      };
      await tx
        .insert(institutions)
        .values({ id: i.id, ...row })
        .onConflictDoUpdate({ target: institutions.id, set: row });
    }
  });
  await reload(db);
  return list.length;
}

/** Reads and checks an institutions file (a JSON array of {id, name, type, parentId?}). */
export function readInstitutionsFile(path: string): Institution[] {
  return institutionsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Brings the database up to the directory shipped in `hub/data/`; imported institutions are kept. */
export async function syncBuiltinDirectory(db: Db, dir: string = HUB_DATA): Promise<void> {
  const { categories } = db.$tables;
  const file = (name: string) => join(dir, name);
  await upsertInstitutions(db, readInstitutionsFile(file('institutions.json')), 'builtin');
  const list = categoriesFile.parse(JSON.parse(readFileSync(file('categories.json'), 'utf8')));
  await db.transaction(async (tx) => {
    for (const c of list) {
      await tx
        .insert(categories)
        .values(c)
        .onConflictDoUpdate({ target: categories.id, set: { name: c.name } });
    }
  });
  await reload(db);
}
