import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { MIGRATIONS } from '../../src/app/migrations';
import { viewer } from '../fixtures/viewers';
import { killStartedHubs, startHub, type RunningHub } from '../support/process';
import { createScratchDatabase } from '../support/scratch';

/**
 * Issue 13, several instances: two compiled hubs (`npm run build`; `npm test` builds first) started at the same
 * moment on one empty database, each on its own port, behave as one: migrations ran once, one first administrator,
 * login failures counted on one lock the account on the other, a policy version written through one is read
 * through the other at once, and a user deactivated or given a new password through one has their older tokens
 * refused by the other at the next request.
 */
const SECRET = 'multi-instance-test-secret-0123456789abcdef';
const ADMIN_PASSWORD = 'first-operator-password-0123';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const SETS = '{ policyParameterSets { effectiveFrom } }';
const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const SET_ACTIVE = 'mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { active } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const ME = '{ me { role } }';
const ADD = 'mutation($input: PolicyParameterSetInput!) { addPolicyParameterSet(input: $input) { effectiveFrom } }';

let db: { url: string; drop: () => Promise<void> };
let a: RunningHub;
let b: RunningHub;

async function post(hub: RunningHub, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`http://127.0.0.1:${hub.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, json, codes: (json.errors ?? []).map((e) => e.extensions?.code) };
}

async function sql<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const appliedLines = (hub: RunningHub) =>
  hub
    .output()
    .split('\n')
    .filter((l) => l.includes('"msg":"applied migration"')).length;

beforeAll(async () => {
  db = await createScratchDatabase('hub_instances');
  const env = {
    DATABASE_URL: db.url,
    JWT_SECRET: SECRET,
    HUB_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'info',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
  };
  // B also names a read replica that never answers: it starts all the same, and the primary serves its reads.
  const unreachableReplica = { DATABASE_REPLICA_URLS: 'postgres://postgres@127.0.0.1:1/postgres' };
  [a, b] = await Promise.all([startHub(env, 90_000, 'dist'), startHub({ ...env, ...unreachableReplica }, 90_000, 'dist')]);
}, 120_000);

afterAll(async () => {
  await killStartedHubs();
  await db?.drop();
});

afterEach(() => {
  // Both hubs must outlive every test: a crash of either is a failure of the one that caused it.
  expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
});

describe('two hubs on one database', () => {
  it('run on their own ports and migrated once: each migration applied by one of them, recorded once', async () => {
    expect(a.port).not.toBe(b.port);
    const recorded = await sql<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM schema_migration GROUP BY name`);
    expect(recorded).toHaveLength(MIGRATIONS.length);
    expect(recorded.every((m) => m.n === 1)).toBe(true);
    expect([appliedLines(a), appliedLines(b)].sort()).toEqual([0, MIGRATIONS.length]);
  });

  it('created exactly one first administrator', async () => {
    expect(await sql(`SELECT username FROM app_user WHERE role = 'ADMIN'`)).toEqual([{ username: 'admin' }]);
    const created = [a, b].filter((h) => h.output().includes('created the first administrator'));
    expect(created).toHaveLength(1);
  });

  it('share login throttling: failures on one lock the account on the other', async () => {
    for (let i = 0; i < 3; i++) expect((await post(a, LOGIN, { u: 'admin', p: `wrong-password-${i}` })).codes).toEqual(['UNAUTHENTICATED']);
    const onB = await post(b, LOGIN, { u: 'admin', p: ADMIN_PASSWORD });
    expect(onB.codes).toEqual(['TOO_MANY_REQUESTS']);
    expect(onB.status).toBe(429);
  });

  it('share policy parameters: a version written through one is read through the other at once', async () => {
    const finance = await signToken(SECRET, viewer(Role.FINANCE), '15m');
    const before = await post(b, SETS, {}, finance);
    expect(before.json.data.policyParameterSets.map((s: { effectiveFrom: string }) => s.effectiveFrom)).not.toContain('2032-01-01');
    const added = await post(a, ADD, { input: { effectiveFrom: '2032-01-01', basis: 'multi-instance test' } }, finance);
    expect(added.codes).toEqual([]);
    const after = await post(b, SETS, {}, finance);
    expect(after.json.data.policyParameterSets.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toContain('2032-01-01');
    expect(b.output()).toContain('read replica skipped');
  });

  it('share token revocation: deactivation or a password change through one refuses older tokens on the other', async () => {
    // An administrator's token from another system (not a hub user, so the throttled 'admin' account is not needed).
    const admin = await signToken(SECRET, viewer(Role.ADMIN), '15m');
    const create = async (username: string) => {
      const created = await post(
        a,
        CREATE,
        { input: { username, password: `${username.split('-')[1]}-river-stone-01`, role: 'FINANCE' } },
        admin,
      );
      expect(created.codes).toEqual([]);
      return created.json.data.createUser.id as string;
    };
    const login = async (hub: RunningHub, username: string, password: string) => {
      const res = await post(hub, LOGIN, { u: username, p: password });
      expect(res.codes).toEqual([]);
      return res.json.data.login.token as string;
    };

    const clerkId = await create('clerk-one');
    const clerkToken = await login(b, 'clerk-one', 'one-river-stone-01');
    expect((await post(b, ME, {}, clerkToken)).codes).toEqual([]);
    expect((await post(a, SET_ACTIVE, { id: clerkId, active: false }, admin)).codes).toEqual([]);
    const refused = await post(b, ME, {}, clerkToken);
    expect([refused.status, refused.codes]).toEqual([401, ['UNAUTHENTICATED']]);

    await create('clerk-two');
    const older = await login(b, 'clerk-two', 'two-river-stone-01');
    const changed = await post(a, CHANGE, { c: 'two-river-stone-01', n: 'two-river-stone-02' }, older);
    expect(changed.codes).toEqual([]);
    expect((await post(b, ME, {}, older)).codes).toEqual(['UNAUTHENTICATED']);
    const newer = await login(b, 'clerk-two', 'two-river-stone-02');
    expect((await post(a, ME, {}, newer)).codes).toEqual([]);
  });
});
