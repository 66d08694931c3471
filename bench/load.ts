import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LoadRequest, LoadSummary } from './load-client';
import { processesCpuMs } from './machine';

export interface Measurement extends LoadSummary {
  /** CPU time of this process (where both servers run) per completed request, ms. */
  serverCpuMs: number;
  /** CPU time of the PostgreSQL backends connected to the bench database per completed request, ms (undefined when remote). */
  databaseCpuMs: number | undefined;
}

export class BenchFailure extends Error {
  override name = 'BenchFailure';
}

/** Drives autocannon in a child process (bench/load-client.ts) and accounts the servers' CPU while it runs. */
export class LoadGenerator {
  private constructor(
    private readonly child: ChildProcess,
    private readonly databasePids: () => Promise<number[]>,
  ) {}

  /** `databasePids`: the backends serving the benchmark's database, whose CPU is accounted per request. */
  static async start(databasePids: () => Promise<number[]>): Promise<LoadGenerator> {
    // Compiled with the bench (tsconfig.bench.json), or its source under ts-node when run that way.
    const compiled = path.extname(__filename) === '.js';
    const child = fork(path.join(__dirname, `load-client${compiled ? '.js' : '.ts'}`), [], {
      execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'],
      stdio: 'inherit',
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
      child.once('exit', (code) => reject(new BenchFailure(`the load generator exited with code ${code} before starting`)));
    });
    child.removeAllListeners('exit');
    return new LoadGenerator(child, databasePids);
  }

  /**
   * One run; a response that is not 200 with `edges` edges and no GraphQL error fails the whole benchmark, and so
   * does a run in which no request completed — except a warm-up's (a scan-based floor may take longer than it).
   */
  async measure(label: string, req: LoadRequest, opts: { warmup?: boolean } = {}): Promise<Measurement> {
    const db = processesCpuMs(await this.databasePids());
    const cpu = process.cpuUsage();
    const reply = await new Promise<{ ok: true; summary: LoadSummary } | { ok: false; error: string }>((resolve, reject) => {
      this.child.once('message', (m) => resolve(m as never));
      this.child.once('exit', (code) => reject(new BenchFailure(`the load generator exited with code ${code}`)));
      this.child.send(req);
    });
    this.child.removeAllListeners('exit');
    const used = process.cpuUsage(cpu);
    const dbAfter = processesCpuMs(await this.databasePids());
    if (!reply.ok) throw new BenchFailure(`${label}: autocannon failed: ${reply.error}`);
    const s = reply.summary;
    const problems = [
      s.requests === 0 && !opts.warmup && `no request completed in ${req.seconds} s (a longer --duration?)`,
      s.errors > 0 && `${s.errors} connection errors (${s.timeouts} timeouts)`,
      s.non2xx > 0 && `${s.non2xx} responses with a status other than 2xx`,
      s.mismatches > 0 &&
        `${s.mismatches} responses with GraphQL errors${req.edges === undefined ? '' : ` or without exactly ${req.edges} edges`}`,
    ].filter(Boolean);
    if (problems.length) {
      throw new BenchFailure(`${label}: ${problems.join('; ')}${s.badBody ? `\nfirst bad response: ${s.badBody}` : ''}`);
    }
    return {
      ...s,
      serverCpuMs: (used.user + used.system) / 1000 / Math.max(1, s.requests),
      databaseCpuMs:
        dbAfter === undefined
          ? undefined
          : [...dbAfter].reduce((sum, [pid, ms]) => sum + ms - (db?.get(pid) ?? 0), 0) / Math.max(1, s.requests),
    };
  }

  close(): void {
    this.child.kill();
  }
}
