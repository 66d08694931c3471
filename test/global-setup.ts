import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../src/app/data-source';
import { createDatabaseBeside } from '../src/platform/db/scratch';
import { migrate } from '../src/app/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/db/embedded';
import { applyReferenceData } from '../src/app/reference-data';

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
    embedded = await startEmbeddedPostgres(tmp, log);
    baseUrl = embedded.url;
  }
  const database = await createDatabaseBeside(baseUrl, 'hub_test');
  const url = database.url;

  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await migrate(dataSource, log);
  await applyReferenceData(dataSource);
  await dataSource.destroy();

  project.provide('databaseUrl', url);
  project.provide('serverUrl', baseUrl);

  return async () => {
    await database.drop();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
