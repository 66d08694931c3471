import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { loadConfig } from '../../src/platform/config';
import { hashPassword } from '../../src/modules/user/user.passwords';
import { createHttpServer } from '../../src/app/server';
import { testDataSource } from '../support/db';

/**
 * The token and context path end to end over real HTTP: in-process tests hand the viewer to the context
 * directly and skip it. The server is the hub's own createHttpServer on the run's database.
 */
const SECRET = 'http-test-secret-0123456789abcdefghijklmnop';
const key = new TextEncoder().encode(SECRET);
let server: http.Server;
let url: string;
const username = `http.user.${process.pid}`;

beforeAll(async () => {
  const dataSource = await testDataSource();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, JWT_EXPIRES_IN: '15m' });
  ({ server } = await createHttpServer({ config, dataSource, log: pino({ level: 'silent' }), jwtSecret: SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  await dataSource.query(`INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, 'TASK_FORCE_OFFICE')`, [
    username,
    await hashPassword('http-password-123'),
  ]);
});

afterAll(async () => {
  const dataSource = await testDataSource();
  await dataSource.query(`DELETE FROM app_user WHERE username = $1`, [username]);
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

async function post(body: object, authorization?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

const ME = { query: '{ me { id role regionId } }' };

function minted(claims: Record<string, unknown>, exp: string | number, secret = key) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('city-oa:li.si')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(secret);
}

describe('bearer tokens over HTTP', () => {
  it('serves a token minted by another city system with the same secret and claims', async () => {
    const token = await minted({ role: 'FINANCE' }, '5m');
    const { status, json } = await post(ME, `Bearer ${token}`);
    expect(status).toBe(200);
    expect(json).toEqual({ data: { me: { id: 'city-oa:li.si', role: 'FINANCE', regionId: null } } });
  });

  it.each([
    ['expired', async () => minted({ role: 'FINANCE' }, Math.floor(Date.now() / 1000) - 120)],
    ['signed with another secret', async () => minted({ role: 'FINANCE' }, '5m', new TextEncoder().encode(`${SECRET}-not-ours`))],
    [
      'tampered (role raised to ADMIN, signature kept)',
      async () => {
        const [h, , s] = (await minted({ role: 'TASK_FORCE_MEMBER' }, '5m')).split('.');
        const body = Buffer.from(
          JSON.stringify({ role: 'ADMIN', sub: 'city-oa:li.si', exp: Math.floor(Date.now() / 1000) + 300 }),
        ).toString('base64url');
        return `${h}.${body}.${s}`;
      },
    ],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a %s token: HTTP 401, extensions.code UNAUTHENTICATED, no data', async (_what, make) => {
    const { status, headers, json } = await post(ME, `Bearer ${await make()}`);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(json.data).toBeUndefined();
    expect(json.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(json.errors?.[0].message).not.toMatch(/Context creation/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status, json } = await post(ME, 'Basic dXNlcjpwYXNz');
    expect([status, json.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('answers an anonymous call UNAUTHENTICATED from the shield (HTTP 200, GraphQL error on the field)', async () => {
    const { status, json } = await post({ query: '{ regions { code } }' });
    expect(status).toBe(200);
    expect(json.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('logs a hub user in, and the token it returns works for the next request', async () => {
    const login = await post({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token viewer { role } } }',
      variables: { u: username, p: 'http-password-123' },
    });
    expect(login.json.errors).toBeUndefined();
    const { token, viewer } = login.json.data.login;
    expect(viewer.role).toBe('TASK_FORCE_OFFICE');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(15 * 60);
    const me = await post(ME, `Bearer ${token}`);
    expect(me.json.data.me.role).toBe('TASK_FORCE_OFFICE');
  });

  it('answers a wrong password UNAUTHENTICATED and a role the shield denies FORBIDDEN', async () => {
    const wrong = await post({ query: 'mutation { login(username: "nobody.here", password: "whatever-password") { token } }' });
    expect(wrong.json.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const police = await signToken(
      SECRET,
      { sub: 'police', role: Role.PUBLIC_SECURITY, regionId: null, institutionId: null, bankId: null },
      '5m',
    );
    const denied = await post({ query: '{ institutions { id } }' }, `Bearer ${police}`);
    expect([denied.status, denied.json.errors?.map((e) => e.extensions?.code)]).toEqual([200, ['FORBIDDEN']]);
  });
});
