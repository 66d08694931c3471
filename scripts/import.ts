import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig, redactUrl } from '../src/platform/config';
import { createDataSource } from '../src/app/data-source';
import { DomainError } from '../src/platform/errors';
import type { GuaranteeImportResult } from '../src/modules/guarantee/guarantee.types';
import { IMPORT_COLUMNS } from '../src/modules/guarantee/import/import.csv';
import { importFile } from '../src/modules/guarantee/import/import.run';
import { isUuid } from '../src/platform/lib/ids';
import { UsageError, command, connectFor, parse, resolveId, usageFailure } from './cli';

/**
 * 总对总 batch import from the command line: `npm run import -- --institution <id|credit code> <file.csv|file.xlsx>`.
 * The same rules and report as the importGuarantees mutation; the whole file commits in one transaction.
 * Database: DATABASE_URL, or the embedded database of a running hub (<dataDir>/embedded-url).
 * Exit status: 0 every row accepted or already there, 3 committed with rejected rows, 1 nothing committed, 2 usage.
 */
const program = command('import', '总对总 batch import of guarantees from a CSV or XLSX file, in one transaction.')
  .requiredOption('--institution <id|credit code>', 'the guarantee institution: its hub id or its unified social credit code')
  .option('--bank <id>', "the bank (its hub id) of rows whose bank_id is empty: a 总对总 file is one bank's business")
  .option('--json', 'print the report as JSON')
  .argument('<file>', 'a .csv (UTF-8, UTF-16 with a BOM, or GBK as Excel saves it) or an .xlsx (first sheet)')
  .addHelpText(
    'after',
    `
The file's header (CSV, or the first sheet of an XLSX workbook) must be exactly:
  ${IMPORT_COLUMNS.join(',')}
  optionally followed by ,re_guaranteed (纳入省再担保: true/false, 是/否, 1/0; empty is false)
Examples: examples/guarantees.csv and examples/guarantees.xlsx.
Database: DATABASE_URL, or the embedded database of a running hub (npm start).
Exit status: 0 all accepted or duplicates, 3 some rows rejected (the rest committed), 1 nothing committed, 2 usage.`,
  );

async function main(): Promise<number> {
  parse(program);
  const opts = program.opts<{ institution: string; bank?: string; json?: boolean }>();
  if (opts.bank !== undefined && !isUuid(opts.bank)) throw new UsageError(`--bank must be a hub id (a UUID), not "${opts.bank}"`);
  const file = program.args[0];
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`not a file: ${file}`);

  const config = loadConfig(process.env, { needsSecret: false });
  const { client, url } = await connectFor(config, 'the import');
  let institutionId: string;
  try {
    institutionId = await resolveId(client, 'institution', opts.institution, url);
  } finally {
    await client.end();
  }

  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  const bar = new SingleBar({ format: 'import |{bar}| {percentage}% of the file | {rows} rows', stream: process.stderr, hideCursor: true });
  bar.start(fs.statSync(file).size, 0, { rows: 0 });
  try {
    const progress = { update: (bytes: number, rows: number) => bar.update(bytes, { rows }) };
    const result = await importFile(dataSource, institutionId, file, progress, opts.bank?.toLowerCase());
    bar.update(fs.statSync(file).size);
    bar.stop();
    report(result, file, redactUrl(url), opts.json ?? false);
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
    if (err instanceof UsageError || err instanceof ConfigError) usageFailure('import', err);
    // A rule of the whole file (its header, its encoding, the institution) or the database: nothing was committed.
    process.stderr.write(`import: ${err instanceof DomainError ? `${err.code}: ` : ''}${err.message}\nNothing was imported.\n`);
    process.exit(1);
  },
);
