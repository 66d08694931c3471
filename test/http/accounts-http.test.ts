import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import type { Viewer } from '../../src/access/viewer';
import { hashPassword } from '../../src/modules/user/user.passwords';
import { testDataSource } from '../support/db';
import { errorCodes, HUB_SECRET, startHub, type HubResponse, type RunningHub } from '../support/http-hub';

/**
 * ../shared/DESIGN.md §3, issue 9: a deactivated user's tokens, and tokens issued before a password change, stop
 * working at the next request — over HTTP, where the token is checked. Users are committed (login reads them)
 * under names of this process and deleted afterwards; the administrator is another system's ADMIN token, so
 * no ADMIN user is committed (access-users.test.ts races to create the first one).
 */
const PASSWORD = 'correct-horse-battery';
const NEW_PASSWORD = 'staple-paper-clip-lamp';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const SET_ACTIVE = 'mutation($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { id active } }';
const RESET = 'mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) { id username } }';
const ME = '{ me { id role } }';
const names: string[] = [];
let hub: RunningHub;
let adminToken: string;
let address = 0;

beforeAll(async () => {
  // Three failed checks of an account throttle it, so the test of the throttle stays short.
  hub = await startHub({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  const ops: Viewer = { sub: 'city-ops:operator', role: Role.ADMIN, regionId: null, institutionId: null, bankId: null };
  adminToken = await signToken(HUB_SECRET, ops, '10m');
});

afterAll(async () => {
  const ds = await testDataSource();
  await ds.query(`DELETE FROM app_user WHERE username = ANY($1)`, [names]);
});

const hash = hashPassword(PASSWORD);

/** A committed TASK_FORCE_OFFICE user with PASSWORD; its id. */
async function newUser(label: string): Promise<{ id: string; username: string }> {
  const username = `acct.${label}.${process.pid}`;
  names.push(username);
  const ds = await testDataSource();
  const [{ id }] = await ds.query(
    `INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, 'TASK_FORCE_OFFICE') RETURNING id`,
    [username, await hash],
  );
  return { id, username };
}

/** Each call from its own client address: the address throttle stays out of the way. */
function post(query: string, variables: Record<string, unknown>, token?: string): Promise<HubResponse> {
  const headers: Record<string, string> = { 'x-forwarded-for': `203.0.113.${++address % 250}` };
  if (token) headers.authorization = `Bearer ${token}`;
  return hub.post({ query, variables }, headers);
}

async function login(username: string, password: string): Promise<string> {
  const res = await post(LOGIN, { u: username, p: password });
  expect(res.json.errors, `login ${username}`).toBeUndefined();
  return res.json.data.login.token;
}

async function works(token: string): Promise<boolean> {
  const res = await post(ME, {}, token);
  if (res.status === 401) {
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    return false;
  }
  expect(errorCodes(res)).toEqual([]);
  return true;
}

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('deactivation (setUserActive)', () => {
  it("refuses the user's existing token at the next request and its logins; a reactivated user logs in again", async () => {
    const { id, username } = await newUser('off');
    const token = await login(username, PASSWORD);
    expect(await works(token)).toBe(true);
    const off = await post(SET_ACTIVE, { id, a: false }, adminToken);
    expect(off.json.data).toEqual({ setUserActive: { id, active: false } });
    expect(await works(token)).toBe(false);
    expect(errorCodes(await post(LOGIN, { u: username, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    expect((await post(SET_ACTIVE, { id, a: true }, adminToken)).json.data).toEqual({ setUserActive: { id, active: true } });
    // The old token stays dead (it may have leaked while the account was off); a new login works.
    expect(await works(token)).toBe(false);
    expect(await works(await login(username, PASSWORD))).toBe(true);
  });
});

describe('an administrator resets a password (resetPassword)', () => {
  it('retires the tokens issued before it; the new password logs in, the old one does not', async () => {
    const { id, username } = await newUser('reset');
    const before = await login(username, PASSWORD);
    const reset = await post(RESET, { id, p: NEW_PASSWORD }, adminToken);
    expect(reset.json).toEqual({ data: { resetPassword: { id, username } } });
    expect(await works(before)).toBe(false);
    expect(errorCodes(await post(LOGIN, { u: username, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    expect(await works(await login(username, NEW_PASSWORD))).toBe(true);
  });
});

describe('a user changes its own password (changePassword)', () => {
  it('retires every older token, its own included; a token issued after the change works', async () => {
    const { username } = await newUser('self');
    const [first, second] = [await login(username, PASSWORD), await login(username, PASSWORD)];
    const changed = await post(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, first);
    expect(changed.json).toEqual({ data: { changePassword: true } });
    expect([await works(first), await works(second)]).toEqual([false, false]);
    expect(errorCodes(await post(LOGIN, { u: username, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    const after = await login(username, NEW_PASSWORD);
    expect(await works(after)).toBe(true);
    expect(claims(after).tokenVersion).toBe(claims(first).tokenVersion + 1);
  });

  it('tells a token minted in the same second as the change from one minted after it (a version, not a time)', async () => {
    const { id, username } = await newUser('second');
    const old = await login(username, PASSWORD);
    expect((await post(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, old)).json.errors).toBeUndefined();
    // Minted now, after the change, but carrying the version before it: what a login racing the change would get.
    const viewer: Viewer = { sub: id, role: Role.TASK_FORCE_OFFICE, regionId: null, institutionId: null, bankId: null };
    const racing = await signToken(HUB_SECRET, viewer, '5m', claims(old).tokenVersion);
    const fresh = await login(username, NEW_PASSWORD);
    expect(claims(racing).iat).toBeGreaterThanOrEqual(claims(old).iat);
    expect([await works(racing), await works(fresh)]).toEqual([false, true]);
  });

  it('answers a wrong current password BAD_USER_INPUT on currentPassword, changes nothing, and counts it as a failed login', async () => {
    const { username } = await newUser('guess');
    const token = await login(username, PASSWORD);
    for (let i = 0; i < 3; i++) {
      const wrong = await post(CHANGE, { c: `not-the-password-${i}`, n: NEW_PASSWORD }, token);
      expect([errorCodes(wrong), wrong.json.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'currentPassword']);
    }
    expect(await works(token)).toBe(true);
    // Three failures throttle the account (LOGIN_MAX_FAILURES_PER_ACCOUNT=3 here): further guesses and logins wait.
    const throttled = await post(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, token);
    expect([throttled.status, errorCodes(throttled)]).toEqual([429, ['TOO_MANY_REQUESTS']]);
    expect(errorCodes(await post(LOGIN, { u: username, p: PASSWORD }))).toEqual(['TOO_MANY_REQUESTS']);
    const ds = await testDataSource();
    const [{ version }] = await ds.query(`SELECT token_version AS version FROM app_user WHERE username = $1`, [username]);
    expect(version).toBe(claims(token).tokenVersion);
  });

  it('answers NOT_FOUND to a token of another system, whose password the hub does not keep', async () => {
    const foreign: Viewer = { sub: 'city-oa:wang.wu', role: Role.FINANCE, regionId: null, institutionId: null, bankId: null };
    const res = await post(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, await signToken(HUB_SECRET, foreign, '5m'));
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe('which tokens are checked against the users table', () => {
  it("serves another system's token whatever its sub, and refuses a hub token (tokenVersion) naming no hub user", async () => {
    const external = (sub: string, version?: number) =>
      signToken(HUB_SECRET, { sub, role: Role.FINANCE, regionId: null, institutionId: null, bankId: null }, '5m', version);
    expect(await works(await external('city-oa:zhao.liu'))).toBe(true);
    expect(await works(await external(randomUUID()))).toBe(true);
    expect(await works(await external(randomUUID(), 0))).toBe(false);
    expect(await works(await external('city-oa:zhao.liu', 0))).toBe(false);
  });

  it("counts a token without tokenVersion naming a hub user's id (minted before versions) as version 0", async () => {
    const { id, username } = await newUser('legacy');
    const legacy = await signToken(
      HUB_SECRET,
      { sub: id, role: Role.TASK_FORCE_OFFICE, regionId: null, institutionId: null, bankId: null },
      '5m',
    );
    expect(await works(legacy)).toBe(true);
    expect((await post(CHANGE, { c: PASSWORD, n: NEW_PASSWORD }, await login(username, PASSWORD))).json.errors).toBeUndefined();
    expect(await works(legacy)).toBe(false);
  });
});
