import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Sequential hub reads timed right after a write, per scenario that has one. */
export const AFTER_WRITE_READS = 20;

/**
 * autocannon drops its last in-flight requests when a run ends; the hub still serves them. Wait until
 * its pool has been idle for a moment, so that tearing it down does not fail them noisily.
 */
export async function settle(dataSource: DataSource): Promise<void> {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  for (let quiet = 0, tries = 0; quiet < 5 && tries < 200; tries++) {
    quiet = pool.idleCount === pool.totalCount && pool.waitingCount === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** AFTER_WRITE_READS sequential reads, each right after `write` committed: their p50 and max, ms. */
export async function readsAfterWrites(write: () => Promise<void>, read: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < AFTER_WRITE_READS; i++) {
    await write();
    const t = process.hrtime.bigint();
    await read();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
}
