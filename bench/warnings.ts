import './production-mode';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { Role } from '../src/access/roles';
import { signToken } from '../src/access/token';
import { createDataSource } from '../src/app/data-source';
import { migrate } from '../src/app/database';
import { createHttpServer } from '../src/app/server';
import { loadConfig } from '../src/platform/config';
import { businessToday } from '../src/platform/lib/dates';
import { createLogger } from '../src/platform/logger';
import { command, parse, wholeNumber } from '../scripts/cli';

const program = command('bench:warnings', 'Time R17 warnings and the R18 supervision list, city-wide, on several dates.')
  .option('--runs <n>', 'sequential requests measured per scenario', wholeNumber(1), 10)
  .option('--dates <list>', 'comma-separated asOf dates for warnings (default: today)')
  .option('--months <list>', 'comma-separated months (YYYY-MM) for the supervision list (default: last month)')
  .option('--cached', "measure the cache's answers (default: each request right after a data version was bumped)", false)
  .addHelpText(
    'after',
    `
Issue 10: warnings and supervisionList read the maintained open balances (ledger.balances.ts) corrected to the date.
On a database filled by seed:demo (named by DATABASE_URL; migrated first), each scenario is requested once
unmeasured, then --runs times one after the other by a FINANCE viewer (city-wide); the median and the extremes are
printed with the load average at the start of the scenario. The hub keeps the warnings of a date until what they
depend on changes (WarningRepo.dataVersion): unless --cached, one institution's data version is bumped before each
request, as a committed grant bumps it, so each one computes the warnings (the cache's miss).`,
  );

const WARNINGS = `query ($asOf: Date) { warnings(asOf: $asOf) { indicator level institution { id name } agreement { id } value threshold message } }`;
const SUPERVISION = `query ($month: String!) { supervisionList(month: $month) { institution { id name } month reportOverdue reasons redWarnings { indicator level } } }`;

async function main(): Promise<void> {
  const values = parse(program).opts<{ runs: number; dates?: string; months?: string; cached: boolean }>();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a database seeded by seed:demo');
  const log = createLogger('warn');
  const dataSource = createDataSource(url, { poolSize: 4 });
  await dataSource.initialize();
  await migrate(dataSource, log);
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM guarantee`);
  const secret = randomBytes(48).toString('base64url');
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, JWT_SECRET: secret, LOG_LEVEL: 'warn' });
  const { server, apollo } = await createHttpServer({ config, dataSource, log, jwtSecret: secret });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const finance = await signToken(secret, { sub: 'bench', role: Role.FINANCE, regionId: null, institutionId: null, bankId: null }, '2h');

  const today = businessToday();
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const dates = values.dates?.split(',') ?? [today];
  const months = values.months?.split(',') ?? [lastMonth];
  const scenarios = [
    ...dates.map((asOf) => ({ name: `warnings asOf ${asOf}`, query: WARNINGS, variables: { asOf } })),
    ...months.map((month) => ({ name: `supervisionList ${month}`, query: SUPERVISION, variables: { month } })),
  ];
  const post = async (s: (typeof scenarios)[number]) => {
    const res = await fetch(hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${finance}` },
      body: JSON.stringify({ query: s.query, variables: s.variables }),
    });
    const body = (await res.json()) as { errors?: unknown; data?: Record<string, unknown[]> };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return Object.values(body.data ?? {})[0]?.length ?? 0;
  };
  console.log(`${n.toLocaleString('en')} guarantees; ${values.runs} sequential requests per scenario (FINANCE, city-wide)`);
  for (const s of scenarios) {
    const rows = await post(s);
    const load = os.loadavg()[0].toFixed(2);
    const ms: number[] = [];
    for (let i = 0; i < values.runs; i++) {
      if (!values.cached)
        await dataSource.query(
          `UPDATE ledger_version SET version = version + 1 WHERE institution_id = (SELECT min(institution_id::text)::uuid FROM ledger_version)`,
        );
      const t = process.hrtime.bigint();
      await post(s);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms.sort((a, b) => a - b);
    const median = ms[Math.floor(ms.length / 2)];
    console.log(
      `  ${s.name}: ${rows} entries; median ${median.toFixed(1)} ms, min ${ms[0].toFixed(1)}, max ${ms[ms.length - 1].toFixed(1)} (load average ${load})`,
    );
  }
  await apollo.stop();
  await dataSource.destroy();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
