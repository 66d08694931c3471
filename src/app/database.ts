import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { redactUrl, type Config } from '../platform/config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../platform/db/embedded';
import { ReadReplicas } from '../platform/db/replicas';
import { ensureFirstAdmin } from '../modules/user/user.bootstrap';
import { applyReferenceData } from './reference-data';
import { ensureGuaranteeYears } from './guarantee-partitions';

export interface Database {
  readonly dataSource: DataSource;
  /** DATABASE_REPLICA_URLS, when set: where read-only operations may run. */
  readonly replicas?: ReadReplicas;
  /** For start-up messages: the URL without its password, and whether it is the embedded server. */
  readonly description: string;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * The database the hub runs on: DATABASE_URL, or an embedded PostgreSQL in the data dir. Migrations,
 * reference data and the first administrator (HUB_ADMIN_PASSWORD) are applied before it is handed out;
 * all are idempotent.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (url === undefined) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.url;
    fs.writeFileSync(path.join(config.dataDir, 'embedded-url'), url + '\n', { mode: 0o600 });
  }
  const dataSource = createDataSource(url, { ...config.database, onPoolError: quietPoolErrors(log) });
  try {
    await dataSource.initialize();
  } catch (err) {
    await embedded?.stop();
    throw new DatabaseUnavailableError(`cannot connect to ${redactUrl(url)}: ${(err as Error).message}`);
  }
  let replicas: ReadReplicas | undefined;
  try {
    // One hub at a time: the first migrates, loads reference data and creates the admin; the next finds them done.
    await underStartLock(dataSource, async () => {
      await runMigrations(dataSource, log);
      await applyReferenceData(dataSource);
      await ensureFirstAdmin(dataSource.manager, config.adminPassword, log);
    });
    if (config.replicas.urls.length > 0) {
      const open = (replicaUrl: string) =>
        createDataSource(replicaUrl, { ...config.database, onPoolError: quietPoolErrors(log), readOnly: true });
      replicas = await ReadReplicas.start(dataSource, config.replicas, open, log);
    }
  } catch (err) {
    await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    replicas,
    description: embedded ? `embedded PostgreSQL in ${path.join(config.dataDir, 'pg')} (${redactUrl(url)})` : redactUrl(url),
    async close() {
      await replicas?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (embedded) {
        fs.rmSync(path.join(config.dataDir, 'embedded-url'), { force: true });
        await embedded.stop();
      }
    },
  };
}

/**
 * An idle pooled connection the server dropped (it stopped or restarted): the pool discards it and opens a
 * fresh one when next asked, so the hub reconnects by itself. One line per burst, not one per connection.
 */
function quietPoolErrors(log: Logger): (err: Error) => void {
  let last = 0;
  return (err) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    log.warn({ reason: err.message }, 'database connection lost; the pool reconnects when the database answers');
  };
}

/** Several hubs may start at once against one database: an advisory lock lets one migrate at a time. */
export async function migrate(dataSource: DataSource, log: Logger): Promise<void> {
  await underStartLock(dataSource, () => runMigrations(dataSource, log));
}

async function runMigrations(dataSource: DataSource, log: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const m of applied) log.info({ migration: m.name }, 'applied migration');
  for (const year of await ensureGuaranteeYears(dataSource)) log.info({ year }, 'added the guarantee partition of a year');
}

/**
 * Runs `work` while holding the start-up advisory lock, on a connection of its own outside the pool (so the
 * work may use every pooled connection, even with DATABASE_POOL_SIZE=1). The lock ends with its session:
 * a hub killed mid-start leaves nothing locked.
 */
async function underStartLock(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: (dataSource.options as { url?: string }).url });
  client.on('error', () => undefined); // a lost lock connection fails the next query on it, or nothing
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('liaocheng-hub:migrate'))`);
    await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
