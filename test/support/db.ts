import type { DataSource, EntityManager } from 'typeorm';
import { afterAll, inject } from 'vitest';
import { createDataSource } from '../../src/app/data-source';
import { ownBackendsUrl } from './concurrency';

let shared: Promise<DataSource> | undefined;

/** The run's database (see global-setup.ts), one pool per test file, its backends named for this file alone. */
export function testDataSource(): Promise<DataSource> {
  if (!shared) {
    const ds = createDataSource(ownBackendsUrl(inject('databaseUrl')), { poolSize: 6 });
    shared = ds.initialize();
    afterAll(async () => {
      if (ds.isInitialized) await ds.destroy();
    });
  }
  return shared;
}

/** Marks a deliberate rollback so that `inRollback` can tell it from a real failure. */
class Rollback extends Error {}

/**
 * Runs `fn` in a transaction that is always rolled back: each test sees the reference data and its own
 * rows, and leaves nothing behind. Services called inside open savepoints for their own transactions.
 */
export async function inRollback<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  const ds = await testDataSource();
  let result: T | undefined;
  try {
    await ds.transaction(async (manager) => {
      result = await fn(manager);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result as T;
}
