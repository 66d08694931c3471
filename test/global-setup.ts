import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../src/db/data-source';
import { migrate } from '../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
import { applyReferenceData } from '../src/db/reference-data';

/**
 * One database for the whole run, migrated and loaded with reference data. With DATABASE_URL (CI), a
 * fresh database is created beside the one it names and dropped at the end; without it, an embedded
 * PostgreSQL is started in a temporary directory. Workers read the URL through `inject('databaseUrl')`.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A server URL (no database) on which tests may create scratch databases. */
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const log = pino({ level: 'silent' });
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
    fs.chmodSync(tmp, 0o755);
    embedded = await startEmbeddedPostgres(tmp, log);
    baseUrl = embedded.url;
  }
  const name = `hub_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(baseUrl, name);

  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await migrate(dataSource, log);
  await applyReferenceData(dataSource);
  await dataSource.destroy();

  project.provide('databaseUrl', url);
  project.provide('serverUrl', baseUrl);

  return async () => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
