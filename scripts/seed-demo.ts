import 'reflect-metadata';
import { MultiBar, Presets } from 'cli-progress';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, redactUrl, type Config } from '../src/platform/config';
import { createDataSource } from '../src/app/data-source';
import { migrate, openDatabase, type Database } from '../src/app/database';
import { applyReferenceData } from '../src/app/reference-data';
import { Dec } from '../src/platform/lib/decimal';
import { createLogger } from '../src/platform/logger';
import { command, parse, usageFailure, wholeNumber } from './cli';
import { DemoDataExistsError, MAX_GUARANTEES, seedDemo } from './demo/demo.seed';

const program = command('seed:demo', "Fill the hub's database with synthetic, rule-abiding business.")
  .option(
    '--guarantees <n>',
    `number of guarantees, 1 to ${MAX_GUARANTEES.toLocaleString('en')}; 10^5 takes seconds`,
    wholeNumber(1, MAX_GUARANTEES),
    10_000,
  )
  .option('--seed <s>', 'the same seed gives the same business, ids aside', wholeNumber(0), 1)
  .addHelpText(
    'after',
    `
10 guarantee institutions (2 municipal, 8 county), 50 banks, their cooperation agreements (bank risk share >= 0.20),
borrowers with valid credit codes and resident ID numbers across the 11 county-level regions, and N guarantees
started from 2023-04-01 to 2026-10-31 (about 85% 支小支农 by amount, fee rates 0.5%-1.5%, some repaid, about 1.5% of
matured ones compensated, a tenth of those opening malicious-default leads), with credit used, credit lines and the
monthly statistics computed from the rows. Names and identifiers are random: they pass the GB 32100 / GB 11643
check characters but are taken from no register.

Database: DATABASE_URL if set; otherwise the embedded database of a running hub (its URL is in
<HUB_DATA_DIR>/embedded-url); otherwise the embedded database in HUB_DATA_DIR (default ./data) is started for the
run. Migrations and reference data are applied first, as at the hub's start.

It only fills a hub that holds no business yet (no institution, bank, borrower or guarantee): if there is any, it
refuses, changes nothing and exits with status 1. To start again, use a fresh database (or stop the hub and delete
its data directory).`,
  );

async function connect(config: Config): Promise<{ db: Database; where: string }> {
  const log = createLogger('warn');
  const embeddedUrlFile = path.join(config.dataDir, 'embedded-url');
  const url = config.databaseUrl ?? (fs.existsSync(embeddedUrlFile) ? fs.readFileSync(embeddedUrlFile, 'utf8').trim() : undefined);
  if (url !== undefined) {
    const dataSource = createDataSource(url);
    try {
      await dataSource.initialize();
      await migrate(dataSource, log);
      await applyReferenceData(dataSource);
      const db: Database = { dataSource, description: redactUrl(url), close: () => dataSource.destroy() };
      return { db, where: config.databaseUrl ? redactUrl(url) : `the running hub's embedded database (${redactUrl(url)})` };
    } catch (err) {
      if (config.databaseUrl) throw err;
      // The URL file outlived its hub (a crash): start the embedded database ourselves.
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
  const db = await openDatabase(config, log);
  return { db, where: db.description };
}

/**
 * On a terminal, a progress bar with each finished step's line (and time) printed above it; elsewhere
 * (a pipe, a log file, CI) the step lines alone.
 */
async function withProgressBar<T>(
  run: (bar: { log: (m: string) => void; progress?: (percent: number, step: string) => void }) => Promise<T>,
): Promise<T> {
  if (!process.stdout.isTTY) return run({ log: (m) => console.log(m) });
  const multi = new MultiBar(
    { format: 'seed:demo |{bar}| {percentage}% | {step}', hideCursor: true, clearOnComplete: true, stream: process.stdout },
    Presets.shades_classic,
  );
  const bar = multi.create(100, 0, { step: '' });
  try {
    return await run({ log: (m) => multi.log(`${m}\n`), progress: (percent, step) => bar.update(Math.round(percent), { step }) });
  } finally {
    multi.update(); // the step lines logged since the last redraw
    multi.stop();
  }
}

async function main(): Promise<number> {
  const { guarantees, seed } = parse(program).opts<{ guarantees: number; seed: number }>();
  const config = loadConfig(process.env, { needsSecret: false });
  const { db, where } = await connect(config);
  try {
    console.log(`Seeding ${guarantees.toLocaleString('en')} guarantees (seed ${seed}) into ${where}`);
    const s = await withProgressBar((bar) => seedDemo(db.dataSource, { guarantees, seed, ...bar }));
    console.log(
      `Done in ${s.seconds.toFixed(1)} s: ${s.institutions} institutions, ${s.banks} banks, ${s.agreements} agreements, ` +
        `${s.borrowers.toLocaleString('en')} borrowers, ${s.guarantees.toLocaleString('en')} guarantees (${s.active.toLocaleString('en')} in force), ` +
        `${s.compensations} compensations, ${s.leads} leads; 支小支农 ${new Dec(s.smallAgriShare).mul(100).toFixed(1)}% of amount, ` +
        `weighted fee rate ${new Dec(s.averageFeeRate).mul(100).toFixed(3)}%`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    if (err instanceof DemoDataExistsError) {
      console.error(`seed:demo: ${err.message}.\nUse a fresh database (see --help).`);
      process.exit(1);
    }
    if (err instanceof ConfigError) usageFailure('seed:demo', err);
    console.error(`seed:demo: failed: ${err.message}`);
    process.exit(1);
  },
);
