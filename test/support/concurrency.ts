import type { DataSource } from 'typeorm';

/**
 * Waits until `n` sessions wait for the gate session's lock, directly or queued behind another waiter for
 * the same row's tuple lock: concurrency tests hold a row in a gate transaction until every contender is
 * queued, so the contenders always overlap.
 */
export async function waitForBlocked(ds: DataSource, gatePid: number, n: number, what = 'the contenders'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ waiting }] = await ds.query(
      `WITH first AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)))
       SELECT (SELECT count(*) FROM first)::int + (SELECT count(*) FROM pg_stat_activity a WHERE a.pid NOT IN (SELECT pid FROM first) AND pg_blocking_pids(a.pid) && ARRAY(SELECT pid FROM first))::int AS waiting`,
      [gatePid],
    );
    if (waiting >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} never queued behind the gate`);
}
