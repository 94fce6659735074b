// The guard behind "inside a transaction, only the transaction handle": a query through the pool
// from inside a transaction throws at once (on PGlite it would otherwise wait for ever on the one
// connection), while the patterns that are fine keep working.
import { sql, type QueryExecutorProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.js';
import { PoolInsideTransactionError } from './transaction-guard.js';

let database: TestDatabase;
let other: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  other = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await other?.close();
});

const one = async (db: QueryExecutorProvider) => (await sql<{ n: number }>`select 1 as n`.execute(db)).rows[0]!.n;

/** Rejects when `promise` has not settled within `ms`: a hang fails the test instead of stopping it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('a query through the pool inside a transaction', () => {
  it('throws at once, naming the mistake, and the transaction rolls back', async () => {
    const attempt = database.db.transaction().execute(async (trx) => {
      await sql`create temporary table guard_probe (n int)`.execute(trx);
      await one(database.db);
    });
    await expect(within(5_000, attempt)).rejects.toThrow(PoolInsideTransactionError);
    await expect(attempt).rejects.toThrow(/query through the pool inside a transaction: pass the transaction handle/);
    expect(await one(database.db)).toBe(1);
  });

  it('throws from anything the transaction awaits: a helper, a derived instance, a timer, a settings builder', async () => {
    const helper = async () => one(database.db.withTables<{ x: { n: number } }>());
    await expect(
      within(
        5_000,
        database.db.transaction().execute(() => helper()),
      ),
    ).rejects.toThrow(PoolInsideTransactionError);
    const later = () => new Promise((resolve, reject) => setTimeout(() => one(database.db).then(resolve, reject), 1));
    await expect(
      within(
        5_000,
        database.db.transaction().execute(() => later()),
      ),
    ).rejects.toThrow(PoolInsideTransactionError);
    const serialisable = database.db.transaction().setIsolationLevel('serializable').setAccessMode('read only');
    await expect(
      within(
        5_000,
        serialisable.execute(() => one(database.db)),
      ),
    ).rejects.toThrow(PoolInsideTransactionError);
    await expect(
      within(
        5_000,
        database.db.connection().execute(() => one(database.db)),
      ),
    ).rejects.toThrow(PoolInsideTransactionError);
  });

  it('leaves the handle, other requests, another database and work after the commit alone', async () => {
    let afterCommit: Promise<number> | undefined;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db.transaction().execute(async (trx) => {
      expect(await one(trx)).toBe(1);
      expect(await one(other.db)).toBe(1);
      // Started here, but waits for the transaction's own promise: it runs after the commit.
      afterCommit = transaction.then(() => one(database.db));
      await held;
      return 'committed';
    });
    // A request in another async context only waits for the connection (PGlite) or takes another (PostgreSQL).
    const concurrent = one(database.db);
    release();
    expect(await within(10_000, transaction)).toBe('committed');
    expect(await within(10_000, concurrent)).toBe(1);
    expect(await within(10_000, afterCommit!)).toBe(1);
  });

  it('keeps Kysely refusing a nested transaction on the handle', async () => {
    await expect(database.db.transaction().execute(async (trx) => trx.transaction().execute(async () => 1))).rejects.toThrow(
      /not supported/,
    );
  });
});
