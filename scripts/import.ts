import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig, redactUrl } from '../src/platform/config';
import { createDataSource } from '../src/app/data-source';
import { DomainError } from '../src/platform/errors';
import type { GuaranteeImportResult } from '../src/modules/guarantee/guarantee.types';
import { importFile } from '../src/modules/guarantee/import/import.run';

/**
 * 总对总 batch import from the command line: `npm run import -- --institution <id> <file.csv|file.xlsx>`.
 * The same rules and report as the importGuarantees mutation; the whole file commits in one transaction.
 * Database: DATABASE_URL, or the embedded database of a running hub (<dataDir>/embedded-url).
 * Exit status: 0 every row accepted or already there, 3 committed with rejected rows, 1 nothing committed, 2 usage.
 */
const USAGE = `usage: npm run import -- --institution <institution id> [--json] <file.csv|file.xlsx>
  The file's header (CSV, or the first sheet of an XLSX workbook) must be exactly:
  code,borrower_name,borrower_identifier,borrower_kind,region_code,bank_id,kind,loan_amount,guaranteed_amount,fee_rate,start_on,end_on
  optionally followed by ,re_guaranteed (纳入省再担保: true/false, 是/否, 1/0; empty is false)`;

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { institution: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  if (!values.institution) throw new UsageError('--institution is required');
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  const file = positionals[0];
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);

  const config = loadConfig();
  const embeddedFile = path.join(config.dataDir, 'embedded-url');
  const url = config.databaseUrl ?? (fs.existsSync(embeddedFile) ? fs.readFileSync(embeddedFile, 'utf8').trim() : undefined);
  if (!url)
    throw new UsageError(
      `no database: set DATABASE_URL, or start the hub (npm start) so its embedded database is running (no ${embeddedFile})`,
    );

  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  const bar = new SingleBar({ format: 'import |{bar}| {percentage}% of the file | {rows} rows', stream: process.stderr, hideCursor: true });
  bar.start(fs.statSync(file).size, 0, { rows: 0 });
  try {
    const result = await importFile(dataSource, values.institution, file, { update: (bytes, rows) => bar.update(bytes, { rows }) });
    bar.update(fs.statSync(file).size);
    bar.stop();
    report(result, file, redactUrl(url), values.json ?? false);
    return result.rejected.length ? 3 : 0;
  } catch (err) {
    bar.stop();
    throw err;
  } finally {
    await dataSource.destroy();
  }
}

function report(result: GuaranteeImportResult, file: string, db: string, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const rejectedRows = new Set(result.rejected.map((r) => r.row)).size;
  console.log(`${file} → ${db}`);
  console.log(`accepted: ${result.acceptedCount}   duplicates: ${result.duplicateCount}   rejected rows: ${rejectedRows}`);
  for (const r of result.rejected) console.log(`row ${r.row}\t${r.field ?? '-'}\t${r.code}\t${r.message}`);
}

main().then(
  (status) => process.exit(status),
  (err: Error) => {
    if (err instanceof UsageError || err instanceof ConfigError) {
      console.error(`import: ${err.message}`);
      console.error(USAGE.split('\n')[0]);
      process.exit(2);
    }
    // A rule of the whole file (its header, the institution) or the database: nothing was committed.
    console.error(`import: ${err instanceof DomainError ? `${err.code}: ` : ''}${err.message} — nothing was imported`);
    process.exit(1);
  },
);
