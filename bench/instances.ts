import './production-mode';
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { Role } from '../src/access/roles';
import { signToken } from '../src/access/token';
import { createLogger } from '../src/platform/logger';
import { command, parse, wholeNumber } from '../scripts/cli';
import { PAGE_SIZE } from './floor';
import { BenchFailure, LoadGenerator } from './load';
import { describeMachine, processesCpuMs } from './machine';
import { pageQuery } from './page-query';
import { prepareBenchDatabase } from './prepare';
import { postData } from './scenarios';
import { HUB_NODE_FLAGS } from '../src/platform/node-flags';

/**
 * Several hub instances on one database (README "Scaling"): the list page from 10 clients spread evenly over N compiled
 * hubs (`node dist/src/app/main.js`, as `npm start` runs them), for each N asked, on one seeded database. It reports
 * requests per second, latency, and the CPU per request of all hub processes together and of PostgreSQL, so what a
 * second instance adds on this machine — and what it costs — can be read side by side.
 */
const ROOT = path.resolve(__dirname, '..');
const program = command('bench:instances', 'The list page served by 1, 2, … hub instances on one database.')
  .option('--guarantees <n>', 'synthetic guarantees to seed', wholeNumber(2_000), 100_000)
  .option('--instances <list>', 'comma-separated instance counts to measure, in order', '1,2,1,2')
  .option('--duration <s>', 'seconds measured per run', wholeNumber(1), 10)
  .option('--warmup <s>', 'seconds of unmeasured load before each run', wholeNumber(0), 3)
  .option('--connections <c>', 'concurrent clients in all', wholeNumber(1), 10)
  .option('--seed <s>', 'seed of the synthetic data', wholeNumber(0), 1)
  .addHelpText(
    'after',
    "\nNeeds the compiled hub (npm run build). Runs on a database of its own beside DATABASE_URL's, or an embedded one.",
  );

interface Row {
  instances: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  hubCpuMs: number;
  databaseCpuMs: number | undefined;
}

async function main(): Promise<void> {
  const o = parse(program).opts<{
    guarantees: number;
    instances: string;
    duration: number;
    warmup: number;
    connections: number;
    seed: number;
  }>();
  const counts = o.instances.split(',').map((s) => Number(s.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    program.error('--instances takes whole numbers from 1 to 16', { exitCode: 2 });
  if (!fs.existsSync(path.join(ROOT, 'dist/src/app/main.js')))
    throw new BenchFailure('dist/src/app/main.js is missing: run npm run build first');

  const log = createLogger('warn');
  const { bench, dataSource, cleanup } = await prepareBenchDatabase({ guarantees: o.guarantees, seed: o.seed, poolSize: 2, log });
  try {
    const secret = randomBytes(48).toString('base64url');
    const token = await signToken(secret, { sub: 'bench', role: Role.FINANCE, regionId: null, institutionId: null, bankId: null }, '2h');
    const body = JSON.stringify({ query: pageQuery(false) });
    const databasePids = async () =>
      ((await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)) as { pid: number }[]).map(
        (r) => r.pid,
      );
    const load = await LoadGenerator.start(databasePids);
    cleanup.unshift(() => load.close());
    const rows: Row[] = [];
    for (const n of counts) {
      const hubs = await Promise.all(Array.from({ length: n }, () => startHub(bench.url, secret)));
      try {
        const urls = hubs.map((h) => h.url);
        for (const url of urls) await postData(url, body, token); // each answers before it is loaded
        const req = { url: urls, body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
        if (o.warmup)
          await load.measure(`${n} instances, warm-up`, { ...req, connections: o.connections, seconds: o.warmup, edges: PAGE_SIZE });
        const before = hubsCpuMs(hubs);
        const m = await load.measure(`${n} instances`, { ...req, connections: o.connections, seconds: o.duration, edges: PAGE_SIZE });
        const hubMs = hubsCpuMs(hubs) - before;
        const row = {
          instances: n,
          reqPerSec: m.reqPerSec,
          p50: m.p50,
          p99: m.p99,
          hubCpuMs: hubMs / m.requests,
          databaseCpuMs: m.databaseCpuMs,
        };
        rows.push(row);
        console.log(
          `  ${n} instance(s): ${Math.round(row.reqPerSec)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
            `hubs ${row.hubCpuMs.toFixed(2)} ms CPU/request, PostgreSQL ${row.databaseCpuMs?.toFixed(2) ?? 'n/a'} ms`,
        );
      } finally {
        await Promise.all(hubs.map((h) => h.stop()));
      }
    }
    const [{ server_version: pgVersion }] = await dataSource.query(`SHOW server_version`);
    const machine = describeMachine(`PostgreSQL ${pgVersion}`);
    console.log(
      `\n${o.guarantees.toLocaleString('en')} guarantees, the 100-row list page, ${o.connections} clients spread over the instances, ` +
        `${o.duration} s per run; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.postgres}; ${bench.where}\n\n` +
        '| instances | req/s | p50 / p99 ms | hub CPU per request (all instances) | PostgreSQL CPU per request |\n|---:|---:|---:|---:|---:|\n' +
        rows
          .map(
            (r) =>
              `| ${r.instances} | ${Math.round(r.reqPerSec)} | ${r.p50} / ${r.p99} | ${r.hubCpuMs.toFixed(2)} ms | ${r.databaseCpuMs?.toFixed(2) ?? 'n/a'} ms |`,
          )
          .join('\n'),
    );
  } finally {
    for (const step of cleanup) await step();
  }
}

interface Hub {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** A compiled hub on its own port, as `npm start` runs it in production, sharing the database and the token secret. */
async function startHub(databaseUrl: string, secret: string): Promise<Hub> {
  const port = await freePort();
  const child = spawn(process.execPath, [...HUB_NODE_FLAGS, 'dist/src/app/main.js'], {
    cwd: ROOT,
    // LOG_LEVEL warn, as the in-process hub of `npm run bench`: no access line per request.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: secret,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new BenchFailure(`a hub exited with ${code} before listening`))),
  );
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    const up = await Promise.race([
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url: `${base}/graphql`,
    async stop() {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system) of the hub processes so far, ms, from /proc. */
function hubsCpuMs(hubs: readonly Hub[]): number {
  return [...(processesCpuMs(hubs.map((h) => h.child.pid!))?.values() ?? [])].reduce((a, b) => a + b, 0);
}

main().catch((err: Error) => {
  console.error(`bench:instances: ${err instanceof BenchFailure ? err.message : err.stack}`);
  process.exit(1);
});
