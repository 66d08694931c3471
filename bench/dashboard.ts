import './production-mode';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Role } from '../src/access/roles';
import { signToken } from '../src/access/token';
import { createDataSource } from '../src/app/data-source';
import { migrate } from '../src/app/database';
import { createHttpServer } from '../src/app/server';
import { loadConfig } from '../src/platform/config';
import { businessToday } from '../src/platform/lib/dates';
import { createLogger } from '../src/platform/logger';
import type { AggregateLoad, AggregateSummary } from './dashboard-client';
import { describeMachine, processesCpuMs } from './machine';
import { command, parse, wholeNumber } from '../scripts/cli';

const program = command('bench:dashboard', 'Benchmark the aggregate reads: dashboards, warnings and the supervision list.')
  .option('--duration <s>', 'seconds measured per scenario', wholeNumber(1), 10)
  .option('--warmup <s>', 'seconds of unmeasured load before each', wholeNumber(0), 2)
  .option('--connections <c>', 'concurrent clients', wholeNumber(1), 10)
  .option('--out <file>', 'write FILE.md and FILE.json')
  .addHelpText(
    'after',
    `
Benchmarks the aggregate reads of issues 10 and 12 — the city-wide dashboard for a year, one county's, the
warnings of today and the supervision list of last month — on a database already filled by seed:demo
(e.g. --guarantees 1000000: it is not seeded here, that takes minutes), named by DATABASE_URL. Each scenario
runs under load (autocannon in its own process, every response checked), then 20 sequential reads right after
a write (the dashboard cache's miss: a data version bumped before each).`,
  );

const DASHBOARD = `query ($filter: DashboardFilter) { dashboard(filter: $filter) {
  total { ...s } byRegion { ...s } byInstitution { ...s } byBank { ...s } byMonth { ...s }
  targets { smallAgriShare smallHouseholdShare averageFeeRate minBankRiskShare maxHouseholdAmount } } }
fragment s on DashboardSlice { key label newCount newAmount smallAgriCount smallAgriCountShare smallAgriAmount smallAgriShare
  smallHouseholdAmount smallHouseholdShare averageFeeRate meanFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate }`;
const WARNINGS = `{ warnings { indicator level institution { id name } agreement { id } value threshold message } }`;
const SUPERVISION = `query ($month: String!) { supervisionList(month: $month) { institution { id name } month reportOverdue reasons redWarnings { indicator level } } }`;

async function main(): Promise<void> {
  const values = parse(program).opts<{ duration: number; warmup: number; connections: number; out?: string }>();
  const { warmup, connections } = values;
  const seconds = values.duration;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a database seeded by seed:demo');

  const log = createLogger('warn');
  const dataSource = createDataSource(url, { poolSize: 10 });
  await dataSource.initialize();
  await migrate(dataSource, log);
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM guarantee`);
  if (n === 0) throw new Error('the database holds no guarantee: fill it with seed:demo first');
  const [{ server_version: pg }] = await dataSource.query(`SHOW server_version`);
  const [county] = await dataSource.query(`SELECT id, name FROM region WHERE code = '371502'`);

  const secret = randomBytes(48).toString('base64url');
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: secret, LOG_LEVEL: 'warn' });
  const { server, apollo } = await createHttpServer({ config, dataSource, log, jwtSecret: secret });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const token = (role: Role, regionId: string | null = null) =>
    signToken(secret, { sub: 'bench', role, regionId, institutionId: null, bankId: null }, '2h');
  const finance = await token(Role.FINANCE);
  const local = await token(Role.LOCAL_GOVERNMENT, county.id);

  const today = businessToday();
  const year = today.slice(0, 4);
  const lastMonth = (() => {
    const [y, m] = today.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  const filter = { from: `${year}-01-01`, to: `${year}-12-31` };
  const scenarios = [
    { name: `city-wide dashboard, ${year}`, token: finance, query: DASHBOARD, variables: { filter } },
    { name: `one county's dashboard (${county.name}, LOCAL_GOVERNMENT), ${year}`, token: local, query: DASHBOARD, variables: { filter } },
    { name: `warnings as of today, city-wide`, token: finance, query: WARNINGS, variables: {} },
    { name: `supervision list of ${lastMonth}, city-wide`, token: finance, query: SUPERVISION, variables: { month: lastMonth } },
  ];

  const child = fork(path.join(__dirname, 'dashboard-client.ts'), [], { execArgv: ['-r', 'ts-node/register/transpile-only'] });
  await new Promise((resolve) => child.once('message', resolve));
  const pids = async () =>
    ((await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) as { pid: number }[]).map(
      (r) => r.pid,
    );
  const load = async (req: AggregateLoad) => {
    const db = processesCpuMs(await pids());
    const cpu = process.cpuUsage();
    const reply = await new Promise<{ ok: boolean; summary: AggregateSummary; error?: string }>((resolve) => {
      child.once('message', (m) => resolve(m as never));
      child.send(req);
    });
    const used = process.cpuUsage(cpu);
    const dbAfter = processesCpuMs(await pids());
    if (!reply.ok) throw new Error(reply.error);
    const s = reply.summary;
    if (s.failures || !s.requests) throw new Error(`${s.failures} failed responses: ${s.badBody}`);
    const dbMs = dbAfter && [...dbAfter].reduce((sum, [pid, ms]) => sum + ms - (db?.get(pid) ?? 0), 0);
    return { ...s, hubCpuMs: (used.user + used.system) / 1000 / s.requests, pgCpuMs: dbMs === undefined ? null : dbMs / s.requests };
  };
  const post = async (s: (typeof scenarios)[number]) => {
    const res = await fetch(hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body: JSON.stringify({ query: s.query, variables: s.variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

  // A hub from before the cache (for a before/after comparison) has no ledger_version: nothing to bump.
  const [{ bumps }] = await dataSource.query(`SELECT to_regclass('ledger_version') IS NOT NULL AS bumps`);
  const results = [];
  for (const s of scenarios) {
    const req: AggregateLoad = {
      url: hubUrl,
      body: JSON.stringify({ query: s.query, variables: s.variables }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      connections,
      seconds,
    };
    await post(s); // the first answer (a cache miss), then warm-up
    if (warmup) await load({ ...req, seconds: warmup });
    const m = await load(req);
    // A read right after a write: bump one institution's data version (as a committed grant does), then read.
    const afterWrite: number[] = [];
    for (let i = 0; i < 20; i++) {
      if (bumps)
        await dataSource.query(
          `UPDATE ledger_version SET version = version + 1 WHERE institution_id = (SELECT min(institution_id::text)::uuid FROM ledger_version)`,
        );
      const t = process.hrtime.bigint();
      await post(s);
      afterWrite.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    afterWrite.sort((a, b) => a - b);
    const r = { scenario: s.name, ...m, afterWriteP50: afterWrite[10], afterWriteMax: afterWrite[19] };
    console.log(
      `  ${s.name}: ${Math.round(r.reqPerSec)} req/s, p50 ${r.p50} / p90 ${r.p90} / p97.5 ${r.p97_5} / p99 ${r.p99} ms, ` +
        `hub CPU ${r.hubCpuMs.toFixed(2)} ms, PostgreSQL CPU ${r.pgCpuMs?.toFixed(2) ?? 'n/a'} ms per request; ` +
        `right after a write p50 ${r.afterWriteP50.toFixed(1)} ms, max ${r.afterWriteMax.toFixed(1)} ms`,
    );
    results.push(r);
  }
  child.kill();
  await apollo.stop();
  await dataSource.destroy();

  const machine = describeMachine(`PostgreSQL ${pg}`);
  const md = [
    `Measured by \`npm run bench:dashboard\` (bench/dashboard.ts): ${n.toLocaleString('en')} guarantees (seed:demo), ${connections} clients, ` +
      `${seconds} s per scenario after ${warmup} s of warm-up; machine ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.postgres}.`,
    '',
    '| scenario | req/s | p50 / p90 / p97.5 / p99 ms | hub CPU per request | PostgreSQL CPU per request | right after a write: p50 / max ms (sequential) |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${Math.round(r.reqPerSec)} | ${r.p50} / ${r.p90} / ${r.p97_5} / ${r.p99} | ${r.hubCpuMs.toFixed(2)} ms | ` +
        `${r.pgCpuMs === null ? 'n/a' : `${r.pgCpuMs.toFixed(2)} ms`} | ${r.afterWriteP50.toFixed(1)} / ${r.afterWriteMax.toFixed(1)} |`,
    ),
  ].join('\n');
  console.log(`\n${md}`);
  if (values.out) {
    fs.writeFileSync(`${values.out}.md`, `${md}\n`);
    fs.writeFileSync(`${values.out}.json`, JSON.stringify({ machine, guarantees: n, connections, seconds, warmup, results }, null, 2));
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench:dashboard: FAILED: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
