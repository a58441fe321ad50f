import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';

export type Open311Client = Db['$tables']['open311Clients']['$inferSelect'];

/** The key as stored: its SHA-256 (a key is 256 random bits, so no slower hash is needed to keep it unguessable). */
const hashOf = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * Registers a program that files reports through Open311 and returns its API
 * key, which is shown this once: the hub keeps only its hash. With an
 * institution, the program files for that institution and those under it.
 */
export async function addOpen311Client(
  db: Db,
  client: { name: string; institutionId?: string },
  now: Date,
): Promise<{ client: Open311Client; key: string }> {
  const name = client.name.trim();
  if (!name) throw new Error('an Open311 client needs a name');
  const { institutions, open311Clients } = db.$tables;
  if (client.institutionId) {
    const [found] = await db.select().from(institutions).where(eq(institutions.id, client.institutionId));
    if (!found) throw new Error(`no institution has the id ${client.institutionId}`);
  }
  const key = `o311_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(open311Clients)
    .values({
      id: `c_${randomBytes(6).toString('base64url')}`,
      name,
      keyHash: hashOf(key),
      institutionId: client.institutionId ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the client was not stored');
  return { client: row, key };
}

export async function listOpen311Clients(db: Db): Promise<Open311Client[]> {
  const { open311Clients } = db.$tables;
  return db.select().from(open311Clients).orderBy(asc(open311Clients.createdAt));
}

/** Revokes a client's key at once; the reports it filed stay. Returns whether there was such a client. */
export async function revokeOpen311Client(db: Db, id: string, now: Date): Promise<boolean> {
  const { open311Clients } = db.$tables;
  const revoked = await db
    .update(open311Clients)
    .set({ revokedAt: now })
    .where(and(eq(open311Clients.id, id), isNull(open311Clients.revokedAt)))
    .returning();
  return revoked.length > 0;
}

/** The client an API key belongs to, unless revoked. */
export async function clientByKey(db: Db, key: string): Promise<Open311Client | undefined> {
  const { open311Clients } = db.$tables;
  const [client] = await db
    .select()
    .from(open311Clients)
    .where(and(eq(open311Clients.keyHash, hashOf(key)), isNull(open311Clients.revokedAt)));
  return client;
}
