import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const started = new Set<ChildProcess>();

/** Kills every hub a test started and did not stop (call from afterEach). */
export async function killStartedHubs(): Promise<void> {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
  }
  started.clear();
}

export interface RunningHub {
  child: ChildProcess;
  port: number;
  /** stdout and stderr, interleaved. */
  output: () => string;
  /** stdout alone: JSON lines (DESIGN.md §4). */
  stdout: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `src/app/main.ts` through ts-node, the compiled `dist/src/app/main.js` as `npm start` runs it (`dist`: build
 * first; `npm test` does), or `npm start` itself, with the given environment, and waits until it listens.
 */
export function startHub(
  env: Record<string, string | undefined>,
  timeoutMs = 90_000,
  via: 'node' | 'npm' | 'dist' = 'node',
): Promise<RunningHub> {
  const { DATABASE_URL: _inherited, ...base } = process.env;
  const [command, args] =
    via === 'npm'
      ? ['npm', ['start', '--silent']]
      : via === 'dist'
        ? [process.execPath, ['dist/src/app/main.js']]
        : [process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/app/main.ts']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start in time:\n${out}`)), timeoutMs);
    const check = () => {
      // The start-up line: {"msg":"hub listening on http://127.0.0.1:4321/graphql", …}
      const m = /"msg":"hub listening on http:\/\/(?:\[[^\]]*\]|[^:/"]+):(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out, stdout: () => stdout, exited });
      }
    };
    child.stdout!.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`hub exited with ${code}:\n${out}`), { exitCode: code, output: out }));
    });
  });
}

/** Runs the hub expecting it to fail; resolves with its exit code and output. */
export function runHubToExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return startHub(env).then(
    async (hub) => {
      hub.child.kill('SIGTERM');
      await hub.exited;
      throw new Error(`hub started although it should not have:\n${hub.output()}`);
    },
    (err: { exitCode?: number | null; output?: string }) => ({ code: err.exitCode ?? null, output: err.output ?? String(err) }),
  );
}
