import { createRequire } from 'node:module';
import './production-mode';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Role } from '../src/access/roles';
import { signToken } from '../src/access/token';
import { loadConfig } from '../src/platform/config';
import { createDataSource } from '../src/app/data-source';
import { migrate } from '../src/app/database';
import { applyReferenceData } from '../src/app/reference-data';
import { createLogger } from '../src/platform/logger';
import { seedDemo } from '../scripts/demo/demo.seed';
import { createHttpServer } from '../src/app/server';
import { command, parse, wholeNumber } from '../scripts/cli';
import { createBenchDatabase } from './database';
import { PAGE_SIZE, startFloorServer } from './floor';
import { BenchFailure, LoadGenerator } from './load';
import { describeMachine } from './machine';
import { markdown, type Result } from './report';
import { checkSamePages, prepareScenarios } from './scenarios';

const program = command('bench', "Benchmark the hub's hottest read, the 100-row guarantees page, against a floor.")
  .option('--guarantees <n>', 'synthetic guarantees to seed', wholeNumber(2_000), 100_000)
  .option('--duration <s>', 'seconds measured per server and page', wholeNumber(1), 15)
  .option('--warmup <s>', 'seconds of unmeasured load before each run', wholeNumber(0), 3)
  .option('--connections <c>', 'concurrent clients', wholeNumber(1), 10)
  .option('--seed <s>', 'seed of the synthetic data', wholeNumber(0), 1)
  .addHelpText(
    'after',
    `
The page has institution, bank and borrower; the floor is node:http + one prepared pg query serving the same JSON.
It prints a Markdown table. It runs on a database of its own: a new hub_bench_* database beside DATABASE_URL's
(dropped at the end), or, without DATABASE_URL, an embedded PostgreSQL in a temporary directory.`,
  );

/**
 * autocannon drops its last in-flight requests when a run ends; the hub still serves them. Wait until
 * its pool has been idle for a moment, so that tearing it down does not fail them noisily.
 */
async function settle(dataSource: DataSource): Promise<void> {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  for (let quiet = 0, tries = 0; quiet < 5 && tries < 200; tries++) {
    quiet = pool.idleCount === pool.totalCount && pool.waitingCount === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The hub's default pool (src/db/data-source.ts); the floor gets the same. */
const POOL_SIZE = 10;

async function main(): Promise<void> {
  const o = parse(program).opts<{ guarantees: number; duration: number; warmup: number; connections: number; seed: number }>();
  const { guarantees, warmup, connections, seed } = o;
  const seconds = o.duration;

  const log = createLogger('warn');
  const bench = await createBenchDatabase(loadConfig({ ...process.env, NODE_ENV: 'development' }).databaseUrl, log);
  const cleanup: Array<() => Promise<unknown> | void> = [() => bench.drop()];
  try {
    const dataSource = createDataSource(bench.url, { poolSize: POOL_SIZE });
    await dataSource.initialize();
    cleanup.unshift(() => dataSource.destroy());
    await migrate(dataSource, log);
    await applyReferenceData(dataSource);
    console.log(`Seeding ${guarantees.toLocaleString('en')} guarantees on ${bench.where}`);
    await seedDemo(dataSource, { guarantees, seed, log: (m) => console.log(m) });
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

    const scenarios = await prepareScenarios(dataSource, hubUrl, token, guarantees);
    await checkSamePages(scenarios, hubUrl, floor.url, token);
    const databasePids = async () =>
      ((await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) as { pid: number }[]).map(
        (r) => r.pid,
      );
    const load = await LoadGenerator.start(databasePids);
    cleanup.unshift(() => load.close());
    const results: Result[] = [];
    for (const s of scenarios) {
      const run = async (who: 'hub' | 'floor') => {
        const req = {
          url: who === 'hub' ? hubUrl : floor.url,
          body: who === 'hub' ? s.hubBody : s.floorBody,
          headers: { 'content-type': 'application/json', ...(who === 'hub' ? { authorization: `Bearer ${token}` } : {}) },
          connections,
          edges: PAGE_SIZE,
        };
        if (warmup > 0) await load.measure(`${s.name}, ${who}, warm-up`, { ...req, seconds: warmup });
        const m = await load.measure(`${s.name}, ${who}`, { ...req, seconds });
        console.log(
          `  ${s.name}, ${who}: ${Math.round(m.reqPerSec)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.serverCpuMs.toFixed(2)} ms CPU/request`,
        );
        return m;
      };
      const floorResult = await run('floor');
      const hubResult = await run('hub');
      results.push({ scenario: s.name, statements: s.statements, hub: hubResult, floor: floorResult });
    }
    await settle(dataSource);
    const autocannonVersion = (createRequire(__filename)('autocannon/package.json') as { version: string }).version;
    console.log(
      '\n' +
        markdown(
          describeMachine(`PostgreSQL ${pgVersion}`),
          { guarantees, seed, connections, seconds, warmup, database: bench.where, autocannon: autocannonVersion },
          results,
        ),
    );
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
