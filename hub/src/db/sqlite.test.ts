import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MIGRATIONS } from '../paths';
import { addCategory, categoryIds as storedCategoryIds } from '../testing/categories';
import type { Db, Tx } from './client';
import { openSqlite } from './sqlite';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lapor-sqlite-'));
  db = openSqlite(join(dir, 'hub.sqlite'), MIGRATIONS);
});
afterEach(async () => {
  await db.$close();
  rmSync(dir, { recursive: true, force: true });
});

const categoryIds = (ids: string[]) => storedCategoryIds(db, ids);

/** A transaction that stays open, between two of its statements, until the test lets it go on. */
function heldTransaction(body: (tx: Tx) => Promise<unknown>, thenFail = false) {
  let goOn = () => {};
  let opened = () => {};
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const done = db.transaction(async (tx) => {
    await body(tx);
    opened();
    await new Promise<void>((resolve) => (goOn = resolve));
    if (thenFail) throw new Error('refused after its first statement');
  });
  return { isOpen, goOn: () => goOn(), done };
}

describe('SQLite: one transaction at a time on the one connection', () => {
  it('holds a statement from outside until the open transaction has committed, so it never reads uncommitted rows', async () => {
    const held = heldTransaction((tx) => addCategory(tx, 'uji-a'));
    await held.isOpen;
    let read: string[] | undefined;
    const reading = categoryIds(['uji-a']).then((ids) => (read = ids));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(read, undefined, 'the read waits while the transaction is open');
    held.goOn();
    await held.done;
    assert.deepEqual(await reading, ['uji-a']);
  });

  it('keeps a write from outside out of a transaction that rolls back', async () => {
    const held = heldTransaction((tx) => addCategory(tx, 'uji-a'), true);
    await held.isOpen;
    const outside = addCategory(db, 'uji-b');
    held.goOn();
    await assert.rejects(held.done, /refused after its first statement/);
    await outside;
    assert.deepEqual(await categoryIds(['uji-a', 'uji-b']), ['uji-b']);
  });

  it('rolls back a nested transaction (a savepoint) alone', async () => {
    await db.transaction(async (tx) => {
      await addCategory(tx, 'uji-a');
      await assert.rejects(
        tx.transaction(async (inner) => {
          await addCategory(inner, 'uji-b');
          throw new Error('not this one');
        }),
        /not this one/,
      );
      await tx.transaction((inner) => addCategory(inner, 'uji-c'));
    });
    assert.deepEqual(await categoryIds(['uji-a', 'uji-b', 'uji-c']), ['uji-a', 'uji-c']);
  });
});
