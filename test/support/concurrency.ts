import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * The URL with an application_name of its own (it overrides the hub's default): the backends of a test file's pools
 * can then be told from every other file's, which run at the same time on the same database.
 */
export function ownBackendsUrl(url: string): string {
  const tagged = new URL(url);
  tagged.searchParams.set('application_name', `hub-test-${process.pid}-${randomUUID().slice(0, 8)}`);
  return tagged.toString();
}

/**
 * Waits until `n` of this data source's own backends wait for a lock that another of its own backends holds (a gate
 * transaction, or a contender queued ahead): concurrency tests hold a row in a gate transaction until every contender
 * is queued, so the contenders always overlap. Other test files' sessions, waiting on locks of their own, never count.
 * The data source must have been opened on `ownBackendsUrl`.
 */
export async function waitForBlocked(ds: DataSource, n: number, what = 'the contenders'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [{ waiting, name }] = await ds.query(
      `WITH own AS (SELECT pid FROM pg_stat_activity
                     WHERE application_name = current_setting('application_name') AND datname = current_database())
       SELECT (SELECT count(*)::int FROM own WHERE pg_blocking_pids(pid) && ARRAY(SELECT pid FROM own)) AS waiting,
              current_setting('application_name') AS name`,
    );
    if (!String(name).startsWith('hub-test-')) throw new Error('waitForBlocked needs a data source opened on ownBackendsUrl()');
    if (waiting >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} never queued behind the gate`);
}

/** Holds a row lock in a transaction of its own until released: lines concurrent writers up behind it. */
export async function holdLock(ds: DataSource, sql: string, params: unknown[]): Promise<{ release: () => Promise<void> }> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(sql, params);
  return {
    release: async () => {
      await runner.commitTransaction();
      await runner.release();
    },
  };
}
