import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/app/data-source';
import { migrate } from '../src/app/database';
import { applyReferenceData } from '../src/app/reference-data';
import { loadConfig } from '../src/platform/config';
import { seedDemo } from '../scripts/demo/demo.seed';
import { createBenchDatabase, type BenchDatabase } from './database';

/** A seeded bench database and what tears it down. */
export interface PreparedBench {
  bench: BenchDatabase;
  /** The servers' data source: `poolSize` connections with the hub's production limits (a statement: 30 s at most). */
  dataSource: DataSource;
  /** Two connections without a statement timeout, for what only the bench does: migrating, seeding, finding a
   *  scenario's rows by scanning 10^7 of them. */
  setup: DataSource;
  /** Teardown steps, run in order (the last one drops the database); a caller adds its own in front (unshift). */
  cleanup: Array<() => Promise<unknown> | void>;
  /** The seed's wall time, s (each step's is printed as it ends). */
  seedSeconds: number;
}

/**
 * What every bench command does first: a database of its own (bench/database.ts, beside DATABASE_URL's or
 * embedded), migrated, its reference data applied and `guarantees` synthetic guarantees seeded by seed:demo, each
 * seed step's time printed. On a failure here what was made is torn down before the error is passed on.
 */
export async function prepareBenchDatabase(options: {
  guarantees: number;
  seed: number;
  poolSize: number;
  log: Logger;
}): Promise<PreparedBench> {
  const { guarantees, seed, poolSize, log } = options;
  const bench = await createBenchDatabase(loadConfig({ ...process.env, NODE_ENV: 'development' }).databaseUrl, log);
  const cleanup: PreparedBench['cleanup'] = [() => bench.drop()];
  try {
    // The seed's VACUUM ANALYZE runs after its transaction: at 10^7 guarantees it outlasts the hub's 30 s.
    const setup = await createDataSource(bench.url, { poolSize: 2, statementTimeoutMs: 0 }).initialize();
    cleanup.unshift(() => setup.destroy());
    await migrate(setup, log);
    await applyReferenceData(setup);
    console.log(`Seeding ${guarantees.toLocaleString('en')} guarantees on ${bench.where}`);
    const summary = await seedDemo(setup, { guarantees, seed, log: (m) => console.log(m) });
    console.log(`  seeded in ${summary.seconds.toFixed(1)} s`);
    await checkpoint(setup);
    const dataSource = await createDataSource(bench.url, { poolSize }).initialize();
    cleanup.unshift(() => dataSource.destroy());
    return { bench, dataSource, setup, cleanup, seedSeconds: summary.seconds };
  } catch (err) {
    for (const step of cleanup) await Promise.resolve(step()).catch((e: Error) => console.error(`bench: cleanup: ${e.message}`));
    throw err;
  }
}

/**
 * Writes out what the seed left in shared buffers before anything is timed. A 10^6 seed writes ~1.2 GB of WAL, past
 * PostgreSQL's default max_wal_size, so a checkpoint is due: spread over minutes (checkpoint_completion_target), its
 * writes would land on whichever server the first scenarios measure. CHECKPOINT needs a superuser or, from
 * PostgreSQL 15, pg_checkpoint; without it the bench says so and goes on.
 */
export async function checkpoint(
  db: Pick<DataSource, 'query'>,
  say: (line: string) => void = (line) => console.log(line),
): Promise<boolean> {
  const started = process.hrtime.bigint();
  try {
    await db.query('CHECKPOINT');
    say(`  checkpoint after the seed (${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s, not in the seed's time)`);
    return true;
  } catch (err) {
    say(`  no checkpoint after the seed (${(err as Error).message}): the first scenarios may pay for the seed's writes`);
    return false;
  }
}

/**
 * Collects what the seed left on this process's heap, before anything is timed. The bench seeds in the process that
 * then serves the hub and the floor: the seed's garbage (~45 MB at 10^6) would otherwise be collected by a full
 * collection in the middle of the first scenario's run. Needs `node --expose-gc` (`npm run bench` passes it); without
 * it the bench says so and goes on.
 */
export function collectSeedGarbage(
  say: (line: string) => void = (line) => console.log(line),
  gc: (() => void) | null | undefined = (globalThis as { gc?: () => void }).gc,
): boolean {
  if (typeof gc !== 'function') {
    say(`  the seed's garbage left to the first scenario (node runs without --expose-gc)`);
    return false;
  }
  const before = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  gc();
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  say(
    `  the seed's garbage collected (${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms, heap ${mb(before)} → ${mb(process.memoryUsage().heapUsed)} MB)`,
  );
  return true;
}
