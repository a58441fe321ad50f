import type { Db } from './client';
import { categories } from './schema';

/** Whether a query reaches the database now; a failure is the answer, not an error. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.select({ id: categories.id }).from(categories).limit(1);
    return true;
  } catch {
    return false;
  }
}
