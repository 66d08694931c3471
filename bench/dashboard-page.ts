/**
 * Time from sign-in to the drawn overview on /dashboard, in Debian's Chromium, on the compiled hub over
 * seed:demo data (default 10^5 guarantees). Needs `npm run build && npm run build:dashboard` and a
 * PostgreSQL server in DATABASE_URL (a database is created beside it and dropped after).
 *   npm run bench:page -- [--guarantees N] [--rounds R]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createDataSource } from '../src/app/data-source';
import { createDatabaseBeside } from '../src/platform/db/scratch';
import { seedDemo } from '../scripts/demo/demo.seed';
import { createUser, launch, requireBuilt, signIn } from '../test/browser/support';
import { command, parse, wholeNumber } from '../scripts/cli';
import { HUB_NODE_FLAGS } from '../src/platform/node-flags';

const program = command('bench:page', 'Time from sign-in to the drawn overview on /dashboard, in Chromium, over seed:demo data.')
  .option('--guarantees <n>', 'synthetic guarantees to seed', wholeNumber(2_000), 100_000)
  .option('--rounds <r>', 'sign-ins measured', wholeNumber(1), 7)
  .addHelpText(
    'after',
    '\nNeeds npm run build && npm run build:dashboard, and DATABASE_URL naming a PostgreSQL server (a database is created beside it and dropped after).',
  );

async function main(): Promise<void> {
  const { guarantees, rounds } = parse(program).opts<{ guarantees: number; rounds: number }>();
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL (a PostgreSQL server) is required');
  requireBuilt();
  const db = await createDatabaseBeside(server, 'hub_dashboard_bench');
  const hub = spawn(process.execPath, [...HUB_NODE_FLAGS, path.resolve(__dirname, '..', 'dist', 'src', 'app', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: '0',
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrs',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      hub.stdout!.on('data', (d) => {
        out += d;
        const m = /"msg":"hub listening on http:\/\/[^:/"]+:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
    });
    // Seeding 10^5 rows on a busy machine can outlast the request-sized statement timeout.
    const ds = createDataSource(db.url, { statementTimeoutMs: 900_000, idleInTransactionTimeoutMs: 900_000 });
    await ds.initialize();
    console.log(`seeding ${guarantees.toLocaleString('en')} guarantees…`);
    await seedDemo(ds, { guarantees, seed: 1 });
    await createUser(ds, 'bench.finance', 'FINANCE');
    await ds.destroy();
    const browser = await launch();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      times.push(await signIn(page, `http://127.0.0.1:${port}`, 'bench.finance'));
      await context.close();
    }
    await browser.close();
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`sign-in to overview drawn, ${guarantees.toLocaleString('en')} guarantees, city FINANCE, ${rounds} rounds:`);
    console.log(
      `  median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (first round includes cold caches)`,
    );
  } finally {
    hub.kill('SIGTERM');
    await new Promise((r) => hub.once('exit', r));
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
