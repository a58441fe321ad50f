import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { addCategory as addCategoryRow, categoryIds as storedCategoryIds } from '../testing/categories';
import { testApp } from '../testing/test-app';
import type { Db, Tx } from './client';
import { GroupCommit } from './group-commit';

let hub: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  hub = await testApp();
});
afterEach(async () => hub.close());

/** The database, counting the transactions opened on it; `failCommit` makes each fail after its body ran. */
function counted(db: Db, { failCommit = false } = {}) {
  const spy = { transactions: 0, db: Object.create(db) as Db };
  spy.db.transaction = ((body: (tx: Tx) => Promise<unknown>) => {
    spy.transactions++;
    return db.transaction(async (tx) => {
      const value = await body(tx);
      if (failCommit) throw new Error('the disk is full');
      return value;
    });
  }) as Db['transaction'];
  return spy;
}

/** A wait that ends only when the test says so. */
function heldWait() {
  let flush = () => {};
  return {
    schedule: (f: () => void) => {
      flush = f;
    },
    end: () => flush(),
  };
}

/** A unit that adds a category and answers its id. */
const addCategory = (id: string) => async (tx: Tx) => {
  await addCategoryRow(tx, id);
  return id;
};
const categoryIds = (ids: string[]) => storedCategoryIds(hub.db, ids);

describe('group commit', () => {
  it('commits units that wait together in one transaction, each with its own answer, none before the commit', async () => {
    const spy = counted(hub.db);
    const wait = heldWait();
    const commits = new GroupCommit(spy.db, { schedule: wait.schedule });
    const settled: string[] = [];
    const units = ['uji-a', 'uji-b', 'uji-c'].map((id) =>
      commits.run(addCategory(id)).then((value) => {
        settled.push(value);
        return value;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(settled, [], 'nothing is answered while the group waits');
    assert.deepEqual(
      await categoryIds(['pendidikan-kebudayaan', 'uji-a', 'uji-b', 'uji-c']),
      ['pendidikan-kebudayaan'],
      'the search finds what is stored, and none of the waiting units',
    );
    wait.end();
    assert.deepEqual(await Promise.all(units), ['uji-a', 'uji-b', 'uji-c']);
    assert.equal(spy.transactions, 1);
    assert.deepEqual(await categoryIds(['uji-a', 'uji-b', 'uji-c']), ['uji-a', 'uji-b', 'uji-c']);
  });

  it('rolls back a unit that fails alone; the others of its group commit', async () => {
    const wait = heldWait();
    const commits = new GroupCommit(hub.db, { schedule: wait.schedule });
    const failing = commits.run(async (tx) => {
      await addCategory('uji-gagal')(tx);
      throw new Error('this report is refused');
    });
    const first = commits.run(addCategory('uji-a'));
    // The same key twice in one group: the second unit breaks a constraint, inside its savepoint.
    const twice = commits.run(addCategory('uji-a'));
    const last = commits.run(addCategory('uji-b'));
    wait.end();
    await assert.rejects(failing, /this report is refused/);
    await assert.rejects(twice);
    assert.equal(await first, 'uji-a');
    assert.equal(await last, 'uji-b');
    assert.deepEqual(await categoryIds(['uji-a', 'uji-b', 'uji-gagal']), ['uji-a', 'uji-b']);
  });

  it('fails every unit of a group whose commit fails, and keeps none of their writes', async () => {
    const spy = counted(hub.db, { failCommit: true });
    const wait = heldWait();
    const commits = new GroupCommit(spy.db, { schedule: wait.schedule });
    const units = [commits.run(addCategory('uji-a')), commits.run(addCategory('uji-b'))];
    wait.end();
    for (const unit of units) await assert.rejects(unit, /the disk is full/);
    const { categories } = hub.db.$tables;
    const existing = await hub.db.select().from(categories).where(eq(categories.id, 'pendidikan-kebudayaan'));
    assert.equal(existing.length, 1, 'the categories are there to be searched');
    assert.deepEqual(await categoryIds(['uji-a', 'uji-b']), []);
  });

  it('commits a full group without waiting, and what arrives meanwhile as the next group', async () => {
    const spy = counted(hub.db);
    // A wait that never ends: only a full group is committed.
    const commits = new GroupCommit(spy.db, { maxSize: 2, schedule: () => {} });
    const ids = ['uji-a', 'uji-b', 'uji-c', 'uji-d'];
    assert.deepEqual(await Promise.all(ids.map((id) => commits.run(addCategory(id)))), ids);
    assert.equal(spy.transactions, 2);
  });
});
