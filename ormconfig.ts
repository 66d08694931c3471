import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './src/platform/config';
import { createDataSource } from './src/app/data-source';

/**
 * The DataSource the TypeORM CLI uses (`npm run migration:run`, `migration:revert`, `migration:generate`).
 * It takes DATABASE_URL, or the embedded database of a running `npm start` (its URL is written to the data dir).
 */
const config = loadConfig();
const url = config.databaseUrl ?? readEmbeddedUrl(config.dataDir);

function readEmbeddedUrl(dataDir: string): string {
  const file = path.join(dataDir, 'embedded-url');
  if (!fs.existsSync(file)) {
    throw new Error('set DATABASE_URL, or start the hub (npm start) so that its embedded database is running');
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export default createDataSource(url);
