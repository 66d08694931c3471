import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import './production-mode';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Role } from '../src/access/roles';
import { signToken } from '../src/access/token';
import os from 'node:os';
import { loadConfig } from '../src/platform/config';
import { createLogger } from '../src/platform/logger';
import { createHttpServer } from '../src/app/server';
import { command, parse, usageFailure, wholeNumber } from '../scripts/cli';
import { startFloorServer } from './floor';
import { measureImport } from './import';
import { collectSeedGarbage, prepareBenchDatabase } from './prepare';
import { floorRequestsFor, parseScenarioIds, scanTimeoutFor, SCENARIO_IDS } from './scenario-filter';
import { BenchFailure, LoadGenerator } from './load';
import { describeMachine } from './machine';
import { startProfile } from './profile';
import { AFTER_WRITE_READS, readsAfterWrites, settle } from './runs';
import { markdown, type Report, type Result } from './report-format';
import { aggregateScenarios } from './aggregate-scenarios';
import { checkScenarios, pageScenarios, postData, type ScenarioSource } from './scenarios';

/**
 * The scenarios measured, in order: each source builds its requests once the database is seeded and the
 * servers are up (bench/scenarios.ts says what a Scenario holds). Add a source here to add report rows.
 */
const SCENARIO_SOURCES: ScenarioSource[] = [pageScenarios, aggregateScenarios];

const program = command(
  'bench',
  "Benchmark the hub's hottest reads — the guarantees page, the dashboards, warnings and the supervision list — against floors.",
)
  .option('--guarantees <n>', 'synthetic guarantees to seed', wholeNumber(2_000), 1_000_000)
  .option('--duration <s>', 'seconds measured per server and scenario', wholeNumber(1), 15)
  .option('--warmup <s>', 'seconds of unmeasured load before each run', wholeNumber(0), 3)
  .option('--connections <c>', 'concurrent clients', wholeNumber(1), 10)
  .option('--seed <s>', 'seed of the synthetic data', wholeNumber(0), 1)
  .option('--scenarios <ids>', `comma-separated scenarios to run (${SCENARIO_IDS.join(', ')}), or all`, 'all')
  .option('--floor-requests <n>', "requests a dashboard's floor is measured over (default 20, fewer above 10^6 guarantees)", wholeNumber(1))
  .option('--import-rows <n>', 'rows of the 总对总 import timed after the scenarios (0: none)', wholeNumber(0), 100_000)
  .option('--out <dir>', 'where report.json and report.md go (default bench/)')
  .option('--cpu-profile <dir>', "a CPU profile (.cpuprofile) of this process during each scenario's measured hub run")
  .addHelpText(
    'after',
    `
Scenarios, in order: the 100-row guarantees page (institution, bank and borrower) without and with totalCount,
filtered by the busiest region, and a deep page half-way down; the city-wide dashboard of this year (FINANCE) and
one county's (LOCAL_GOVERNMENT, 东昌府区); the warnings of today and the supervision list of last month.

Ids for --scenarios: list, count (with totalCount), region, deep, city, county, warnings, supervision.

Floors: node:http + one prepared pg query serving the same JSON — for a page, the page's rows; for a dashboard,
the same figures computed by one hand-written statement over the guarantee rows (no aggregate, no cache). Warnings
and the supervision list are measured on the hub alone. A dashboard's floor is measured over a number of requests
without warm-up instead of --duration seconds (one request may scan the guarantee table for longer than a run
lasts), by at most that many clients: --floor-requests, by default 20 up to 10^6 guarantees and 20 × 10^6 / N above
(at least 4), so that a floor costs about the same at any size. Such a request may take 300 s under load per 10^6
guarantees (at least 300 s). After the scenarios, --import-rows rows (default 100,000) are imported as by
npm run import (bench/import.ts) and timed. Before timing, each answer must be HTTP 200 without a
GraphQL error, and hub and floor must agree row by row (pages) or figure by figure (dashboards); every response
under load is checked too: a scenario with a bad one is reported FAILED with the first bad response, the others are
still measured, and the command exits 1 once the report is written. Each run reports req/s, p50 / p90 / p97.5 / p99 latency (autocannon reports no p95),
the server's and PostgreSQL's CPU per request and the SQL statements one request costs; for the aggregate reads
also ${AFTER_WRITE_READS} sequential hub reads each right after a committed write (a data version bumped, as a grant does).

It writes its report as JSON and as a Markdown table (report.json, report.md) into --out, printing the table too.
It runs on a database of its own: a new hub_bench_* database beside DATABASE_URL's (dropped at the end), or,
without DATABASE_URL, an embedded PostgreSQL in a temporary directory.`,
  );

/** The hub's default pool (src/db/data-source.ts); the floor gets the same. */
const POOL_SIZE = 10;

async function main(): Promise<void> {
  const o = parse(program).opts<{
    guarantees: number;
    duration: number;
    warmup: number;
    connections: number;
    seed: number;
    scenarios: string;
    floorRequests?: number;
    importRows: number;
    out?: string;
    cpuProfile?: string;
  }>();
  const { guarantees, warmup, connections, seed, importRows } = o;
  let only: Set<string>;
  try {
    only = parseScenarioIds(o.scenarios);
  } catch (err) {
    usageFailure('bench', err as Error);
  }
  const floorRequests = floorRequestsFor(guarantees, o.floorRequests);
  const scanTimeout = scanTimeoutFor(guarantees);
  const seconds = o.duration;
  // bench/ of the source tree, also when run compiled from dist/bench.
  const outDir = o.out ?? path.resolve(__dirname, path.extname(__filename) === '.js' ? '../../bench' : '.');
  const profileDir = o.cpuProfile;

  const log = createLogger('warn');
  const loadAverage = { start: os.loadavg()[0], end: 0 };
  const { bench, dataSource, setup, cleanup, seedSeconds } = await prepareBenchDatabase({ guarantees, seed, poolSize: POOL_SIZE, log });
  try {
    const [{ server_version: pgVersion }] = await dataSource.query(`SHOW server_version`);

    // The real server, configured as in production, on an ephemeral port in this process.
    const secret = randomBytes(48).toString('base64url');
    const hubConfig = loadConfig({ NODE_ENV: 'production', DATABASE_URL: bench.url, JWT_SECRET: secret, LOG_LEVEL: 'warn' });
    const { server, apollo } = await createHttpServer({ config: hubConfig, dataSource, log, jwtSecret: secret });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Apollo's drain plugin closes the server and lets requests still in flight finish before the pool goes.
    cleanup.unshift(() => apollo.stop());
    const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const floor = await startFloorServer(bench.url, POOL_SIZE);
    cleanup.unshift(() => floor.close());
    const token = await signToken(secret, { sub: 'bench', role: Role.FINANCE, regionId: null, institutionId: null, bankId: null }, '2h');

    const sign = (role: Role, regionId: string | null) =>
      signToken(secret, { sub: 'bench', role, regionId, institutionId: null, bankId: null }, '2h');
    const context = { dataSource: setup, hubUrl, floorUrl: floor.url, token, sign, guarantees, floorRequests, scanTimeout };
    const scenarios = [];
    for (const source of SCENARIO_SOURCES) scenarios.push(...(await source(context)).filter((s) => only.has(s.id)));
    await checkScenarios(scenarios, hubUrl, floor.url, token);
    collectSeedGarbage();
    const databasePids = async () =>
      ((await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) as { pid: number }[]).map(
        (r) => r.pid,
      );
    const load = await LoadGenerator.start(databasePids);
    cleanup.unshift(() => load.close());
    const results: Result[] = [];
    for (const [n, s] of scenarios.entries()) {
      const run = async (who: 'hub' | 'floor', body: string) => {
        const req = {
          url: who === 'hub' ? hubUrl : floor.url,
          body,
          headers: { 'content-type': 'application/json', ...(who === 'hub' ? { authorization: `Bearer ${s.token ?? token}` } : {}) },
          edges: s.edges,
          timeout: s.timeout,
          amount: who === 'floor' ? s.floorRequests : undefined,
        };
        // A run over a number of requests has at most one client per request (a floor at 10^7: 4 requests, 4 clients).
        const clients = req.amount ? Math.min(connections, req.amount) : connections;
        if (warmup > 0 && req.amount === undefined)
          await load.measure(`${s.name}, ${who}, warm-up`, { ...req, connections, seconds: warmup }, { warmup: true });
        const profile = who === 'hub' && profileDir ? await startProfile() : undefined;
        const m = { ...(await load.measure(`${s.name}, ${who}`, { ...req, connections: clients, seconds })), clients };
        if (profile) await profile.stop(path.join(profileDir!, `hub-${n + 1}.cpuprofile`));
        console.log(
          `  ${s.name}, ${who}: ${m.reqPerSec.toFixed(1)} req/s, p50 ${m.p50} / p97.5 ${m.p97_5} / p99 ${m.p99} ms, ` +
            `${m.serverCpuMs.toFixed(2)} ms CPU/request, PostgreSQL ${m.databaseCpuMs?.toFixed(2) ?? 'n/a'} ms`,
        );
        return m;
      };
      // A run with a bad response fails its scenario (reported as such); the other scenarios are still measured.
      try {
        const floorResult = s.floorBody === undefined ? undefined : await run('floor', s.floorBody);
        const hubResult = await run('hub', s.hubBody);
        const afterWrite = s.write ? await readsAfterWrites(s.write, () => postData(hubUrl, s.hubBody, s.token ?? token)) : undefined;
        if (afterWrite)
          console.log(`  ${s.name}, hub right after a write: p50 ${afterWrite.p50.toFixed(1)} ms, max ${afterWrite.max.toFixed(1)} ms`);
        results.push({ scenario: s.name, statements: s.statements, hub: hubResult, floor: floorResult, afterWrite });
      } catch (err) {
        if (!(err instanceof BenchFailure)) throw err;
        console.error(`  ${s.name}: FAILED: ${err.message}`);
        results.push({ scenario: s.name, statements: s.statements, failure: err.message });
        await settle(dataSource);
      }
    }
    await settle(dataSource);
    load.close();
    let imported: Report['import'];
    if (importRows > 0) {
      console.log(`Importing ${importRows.toLocaleString('en')} rows (npm run import's path) beside the seeded guarantees`);
      imported = await measureImport(dataSource, importRows).then(
        (m) => ({ ...m, loadAverage: os.loadavg()[0] }),
        (err: Error) => ({ failure: err.message }),
      );
      console.log(
        'failure' in imported
          ? `  FAILED: ${imported.failure}`
          : `  ${imported.seconds.toFixed(1)} s, ${Math.round(imported.rowsPerSecond)} rows/s`,
      );
    }
    loadAverage.end = os.loadavg()[0];
    const autocannonVersion = (createRequire(__filename)('autocannon/package.json') as { version: string }).version;
    const report: Report = {
      date: new Date().toISOString(),
      machine: describeMachine(`PostgreSQL ${pgVersion}`),
      setup: {
        guarantees,
        seed,
        seedSeconds,
        connections,
        seconds,
        warmup,
        floorRequests,
        scenarios: [...only],
        database: bench.where,
        autocannon: autocannonVersion,
        loadAverage,
      },
      results,
      import: imported,
    };
    const table = markdown(report);
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, 'report.md'), `# npm run bench, ${report.date}\n\n${table}\n`);
    console.log(`\n${table}\n\nWritten to ${path.join(outDir, 'report.json')} and report.md`);
    const failed = [...results, { scenario: 'import', ...imported }].filter((r) => 'failure' in r && r.failure);
    if (failed.length) throw new BenchFailure(`${failed.length} scenario(s) failed: ${failed.map((r) => r.scenario).join('; ')}`);
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch((err: Error) => console.error(`bench: cleanup: ${err.message}`));
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err instanceof BenchFailure ? `bench: FAILED: ${err.message}` : `bench: FAILED: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
