import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';

/** Writes a category: a row any database test can add without a report around it. */
export const addCategory = (handle: Db | Tx, id: string) =>
  handle.insert(handle.$tables.categories).values({ id, name: `Kategori ${id}` });

/** Which of `ids` are stored as categories, sorted. */
export async function categoryIds(db: Db, ids: string[]): Promise<string[]> {
  const { categories } = db.$tables;
  const rows = await db.select({ id: categories.id }).from(categories).where(inArray(categories.id, ids));
  return rows.map((row) => row.id).sort();
}
