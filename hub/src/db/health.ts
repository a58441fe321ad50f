import type { Db } from './client';

/** Whether a query reaches the database now; a failure is the answer, not an error. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  const { categories } = db.$tables;
  try {
    await db.select({ id: categories.id }).from(categories).limit(1);
    return true;
  } catch {
    return false;
  }
}
