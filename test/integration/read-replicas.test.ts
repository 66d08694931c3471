import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { createDataSource } from '../../src/app/data-source';
import { migrate } from '../../src/app/database';
import { applyReferenceData } from '../../src/app/reference-data';
import { loadConfig } from '../../src/platform/config';
import { ReadReplicas } from '../../src/platform/db/replicas';
import { viewer } from '../fixtures/viewers';
import { serveHub, type TestHub } from '../support/http';
import { startPrimaryAndReplica, type PrimaryAndReplica } from '../support/pg-cluster';

/**
 * Issue 13, read replicas: a primary and a streaming replica of the test's own (initdb, pg_basebackup -R), the
 * hub's HTTP server on both. The probe runs when the test says (its interval is an hour), so which server
 * answers depends on what the test did, not on how fast this machine is. That a read ran on the replica shows in
 * its answer: with the replica's replay paused, a version written on the primary is missing from it.
 */
const MAX_LAG_MS = 1_000;
const SETS = '{ policyParameterSets { effectiveFrom } }';
const ADD = 'mutation($input: PolicyParameterSetInput!) { addPolicyParameterSet(input: $input) { effectiveFrom } }';
const writer = { ...viewer(Role.FINANCE), sub: 'replica-test-writer' };
const reader = { ...viewer(Role.FINANCE), sub: 'replica-test-reader' };

const NEVER_UP = { usable: false, reason: expect.stringMatching(/^unreachable/) };

let cluster: PrimaryAndReplica;
let primary: DataSource;
let replicaAdmin: DataSource;
let replicas: ReadReplicas;
let hub: TestHub;

async function versions(who: typeof reader): Promise<string[]> {
  const res = await hub.post(who, SETS);
  expect(res.json.errors, JSON.stringify(res.json.errors)).toBeUndefined();
  return (res.json.data!.policyParameterSets as { effectiveFrom: string }[]).map((s) => s.effectiveFrom);
}

async function add(effectiveFrom: string): Promise<void> {
  const res = await hub.post(writer, ADD, { input: { effectiveFrom, basis: `replica test ${effectiveFrom}` } });
  expect(res.json.errors, JSON.stringify(res.json.errors)).toBeUndefined();
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<void> {
  const [{ lsn }] = await primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
  for (let i = 0; i < 200; i++) {
    const [{ done }] = await replicaAdmin.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn]);
    if (done) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the replica did not catch up within 10 s');
}

async function pauseReplay(): Promise<void> {
  await replicaAdmin.query(`SELECT pg_wal_replay_pause()`);
  for (let i = 0; i < 200; i++) {
    const [{ state }] = await replicaAdmin.query(`SELECT pg_get_wal_replay_pause_state() AS state`);
    if (state === 'paused') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('replay did not pause');
}

beforeAll(async () => {
  cluster = await startPrimaryAndReplica();
  const log = pino({ level: 'silent' });
  primary = createDataSource(cluster.primaryUrl);
  await primary.initialize();
  await migrate(primary, log);
  await applyReferenceData(primary);
  replicaAdmin = createDataSource(cluster.replicaUrl, { readOnly: true, poolSize: 1 });
  await replicaAdmin.initialize();
  await replicaCaughtUp();
  const config = loadConfig({
    DATABASE_URL: cluster.primaryUrl,
    JWT_SECRET: 'read-replicas-test-secret-0123456789abcdef',
    // The second replica never answers: the hub starts all the same and skips it.
    DATABASE_REPLICA_URLS: `${cluster.replicaUrl},postgres://postgres@127.0.0.1:1/postgres`,
    HUB_REPLICA_MAX_LAG: `${MAX_LAG_MS}ms`,
    HUB_REPLICA_PROBE_INTERVAL: '1h',
  });
  replicas = await ReadReplicas.start(primary, config.replicas, (url) => createDataSource(url, { readOnly: true }), log);
  hub = await serveHub(primary, log, replicas);
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await replicas?.close();
  if (replicaAdmin?.isInitialized) await replicaAdmin.destroy().catch(() => undefined);
  if (primary?.isInitialized) await primary.destroy();
  await cluster?.stop();
});

describe('read replicas', () => {
  it('serve read-only operations, read-your-writes, and the primary once a replica lags past the maximum', async () => {
    expect(replicas.status()).toMatchObject([{ usable: true }, NEVER_UP]);
    const before = { ...replicas.served };
    expect(await versions(reader)).toContain('2023-03-29');
    expect(replicas.served.replica).toBe(before.replica + 1);

    await pauseReplay();
    await add('2031-01-01');
    // The writer reads their write at once, through the primary: the replica has not replayed it.
    expect(await versions(writer)).toContain('2031-01-01');
    // Another viewer reads the replica, which lacks it: proof that the read ran there.
    expect(await versions(reader)).not.toContain('2031-01-01');
    await replicas.probe();
    expect(replicas.status(), 'behind by milliseconds, within the maximum').toMatchObject([{ usable: true }, NEVER_UP]);
    expect(await versions(reader)).not.toContain('2031-01-01');

    // The primary has had WAL the replica lacks for longer than HUB_REPLICA_MAX_LAG: skipped, the primary serves.
    await new Promise((r) => setTimeout(r, MAX_LAG_MS + 200));
    await replicas.probe();
    expect(replicas.status()).toMatchObject([{ usable: false }, NEVER_UP]);
    expect(await versions(reader)).toContain('2031-01-01');

    // Caught up, it serves again, the writer included (the replica has replayed their write).
    await replicaAdmin.query(`SELECT pg_wal_replay_resume()`);
    await replicaCaughtUp();
    await replicas.probe();
    expect(replicas.status()).toMatchObject([{ usable: true }, NEVER_UP]);
    const again = replicas.served.replica;
    expect(await versions(reader)).toContain('2031-01-01');
    expect(await versions(writer)).toContain('2031-01-01');
    expect(replicas.served.replica).toBe(again + 2);
  });

  it('loses its replica mid-load without a failed request', async () => {
    await replicaCaughtUp();
    await replicas.probe();
    expect(replicas.status()).toMatchObject([{ usable: true }, NEVER_UP]);
    const before = { ...replicas.served };
    const replies: { status: number; errors: unknown }[] = [];
    let sent = 0;
    let crash: Promise<void> | undefined;
    const worker = async () => {
      while (sent < 120) {
        sent++;
        if (sent === 25) crash = cluster.crashReplica();
        const res = await hub.post(reader, '{ policyParameterSets { effectiveFrom basis } regions { id name } }');
        replies.push({ status: res.status, errors: res.json.errors });
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    await crash;
    expect(replies.filter((r) => r.status !== 200 || r.errors !== undefined)).toEqual([]);
    expect(replicas.served.replica, 'some reads ran on the replica before it went').toBeGreaterThan(before.replica);
    expect(replicas.served.primary, 'and the primary took over').toBeGreaterThan(before.primary);
    await replicas.probe();
    expect(replicas.status()).toMatchObject([{ usable: false, reason: expect.stringMatching(/^unreachable/) }, NEVER_UP]);
    expect(await versions(reader)).toContain('2031-01-01');
  });
});
