import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { command, parse, wholeNumber } from './cli';
import { HUB_NODE_FLAGS } from '../src/platform/node-flags';

/**
 * Start-up time and memory of the hub (README "Start-up time and memory"): starts it N times on an existing database
 * (DATABASE_URL, or the embedded one in HUB_DATA_DIR, default ./data, started once before), each time measuring the
 * time from spawning `node` to its "hub listening" line, then sends warm-up requests and reads its resident memory.
 * `--via ts-node` measures the sources run through ts-node, as `npm start` did before the build.
 */
const ROOT = path.resolve(__dirname, fs.existsSync(path.resolve(__dirname, '../package.json')) ? '..' : '../..');

const program = command('measure:startup', "Measure the hub's start-up time and its memory after warm-up.")
  .option('--runs <n>', 'starts to measure', wholeNumber(1, 50), 5)
  .option('--requests <n>', 'warm-up requests (/healthz and a small GraphQL query) before reading the memory', wholeNumber(0, 100_000), 200)
  .option('--via <how>', 'compiled (dist/, as npm start) or ts-node (the sources, as before the build)', 'compiled')
  .addHelpText('after', '\nThe hub gets this environment (DATABASE_URL, HUB_DATA_DIR, JWT_SECRET…), with PORT=0 and HOST=127.0.0.1.');

interface Run {
  ms: number;
  rssMb: number;
}

async function once(via: string, requests: number): Promise<Run> {
  const args =
    via === 'ts-node' ? ['-r', 'ts-node/register/transpile-only', 'src/app/main.ts'] : [...HUB_NODE_FLAGS, 'dist/src/app/main.js'];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /"msg":"hub listening on http:\/\/[^:]+:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`the hub exited with ${code} before listening:\n${out.slice(-2000)}`)));
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < requests; i++) {
      const res =
        i % 2 === 0
          ? await fetch(`${base}/healthz`)
          : await fetch(`${base}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"query":"{ __typename }"}',
            });
      await res.arrayBuffer();
    }
    return { ms, rssMb: rssOf(child.pid!) / 1024 / 1024 };
  } finally {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
}

/** Resident memory of a process, in bytes (Linux: /proc; elsewhere ps). */
function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync(status)) return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(status, 'utf8'))![1]) * 1024;
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) * 1024
  );
}

async function main(): Promise<void> {
  const o = parse(program).opts<{ runs: number; requests: number; via: string }>();
  if (o.via !== 'compiled' && o.via !== 'ts-node') program.error(`--via must be compiled or ts-node, not "${o.via}"`, { exitCode: 2 });
  const runs: Run[] = [];
  for (let i = 0; i < o.runs; i++) {
    const r = await once(o.via, o.requests);
    process.stderr.write(`run ${i + 1}: ${r.ms.toFixed(0)} ms, ${r.rssMb.toFixed(0)} MB\n`);
    runs.push(r);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = runs.map((r) => r.ms);
  const mb = runs.map((r) => r.rssMb);
  console.log(
    `| ${o.via === 'ts-node' ? 'ts-node (sources)' : 'compiled (dist/)'} | ${runs.length} | ${median(ms).toFixed(0)} (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}) ms | ` +
      `${median(mb).toFixed(0)} (${Math.min(...mb).toFixed(0)}–${Math.max(...mb).toFixed(0)}) MB |`,
  );
}

main().catch((err: Error) => {
  process.stderr.write(`measure:startup: ${err.message}\n`);
  process.exit(1);
});
