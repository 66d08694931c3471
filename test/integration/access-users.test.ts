import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { verifyToken } from '../../src/access/token';
import { ensureFirstAdmin } from '../../src/modules/user/user.bootstrap';
import { createBank, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { codes, gql, ok, TEST_TOKENS } from '../support/graphql';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username role regionId institutionId bankId active } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token viewer { id role regionId institutionId bankId } } }`;
const admin = viewer(Role.ADMIN);
const log = pino({ level: 'silent' });

async function users(m: EntityManager, username: string): Promise<number> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM app_user WHERE username = $1`, [username]);
  return n;
}

describe('createUser (ADMIN)', () => {
  it('stores an argon2id hash, never the password, and returns the user with its scope', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const input = {
        username: 'dcf.guarantee',
        password: '正确的马电池订书钉真好记',
        role: 'GUARANTEE_INSTITUTION',
        institutionId: institution.id,
      };
      const { createUser } = ok(await gql(m, admin, CREATE, { input }));
      expect(createUser).toMatchObject({
        username: 'dcf.guarantee',
        role: 'GUARANTEE_INSTITUTION',
        institutionId: institution.id,
        regionId: null,
        bankId: null,
        active: true,
      });
      const [row] = await m.query(`SELECT password_hash FROM app_user WHERE id = $1`, [createUser.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(input.password);
    });
  });

  it('takes a password of exactly 12 characters and refuses 11 (BAD_USER_INPUT on "password", nothing written)', async () => {
    await inRollback(async (m) => {
      ok(await gql(m, admin, CREATE, { input: { username: 'twelve', password: '123456789012', role: 'FINANCE' } }));
      const short = await gql(m, admin, CREATE, { input: { username: 'eleven', password: '12345678901', role: 'FINANCE' } });
      expect(codes(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors![0].extensions!.field).toBe('password');
      expect(await users(m, 'eleven')).toBe(0);
    });
  });

  it('answers CONFLICT for a taken username and writes nothing', async () => {
    await inRollback(async (m) => {
      ok(await gql(m, admin, CREATE, { input: { username: 'finance.city', password: 'a-long-password', role: 'FINANCE' } }));
      const again = await gql(m, admin, CREATE, { input: { username: 'finance.city', password: 'another-password', role: 'SASAC' } });
      expect(codes(again)).toEqual(['CONFLICT']);
      expect(await users(m, 'finance.city')).toBe(1);
    });
  });

  it('checks the scope ids against the role: required, existing, and none the role would ignore', async () => {
    await inRollback(async (m) => {
      const bank = await createBank(m);
      const region = await regionId(m, '371522');
      const cases: [Record<string, unknown>, string][] = [
        [{ role: 'GUARANTEE_INSTITUTION' }, 'institutionId'],
        [{ role: 'GUARANTEE_INSTITUTION', institutionId: randomUUID() }, 'institutionId'],
        [{ role: 'GUARANTEE_INSTITUTION', institutionId: 'not-an-id' }, 'institutionId'],
        [{ role: 'BANK' }, 'bankId'],
        [{ role: 'BANK', bankId: randomUUID() }, 'bankId'],
        [{ role: 'LOCAL_GOVERNMENT' }, 'regionId'],
        [{ role: 'FINANCE', bankId: bank.id }, 'bankId'],
        [{ role: 'PBOC', regionId: region }, 'regionId'],
        [{ role: 'PUBLIC_SECURITY', regionId: region }, 'regionId'],
        [{ role: 'BANK', bankId: bank.id, regionId: region }, 'regionId'],
        [{ role: 'FINANCE', username: 'x' }, 'username'],
      ];
      for (const [extra, field] of cases) {
        const result = await gql(m, admin, CREATE, { input: { username: 'scoped.user', password: 'a-long-password', ...extra } });
        expect([codes(result), result.errors?.[0].extensions?.field], JSON.stringify(extra)).toEqual([['BAD_USER_INPUT'], field]);
      }
      expect(await users(m, 'scoped.user')).toBe(0);
      ok(await gql(m, admin, CREATE, { input: { username: 'bank.user', password: 'a-long-password', role: 'BANK', bankId: bank.id } }));
      ok(
        await gql(m, admin, CREATE, {
          input: { username: 'county.finance', password: 'a-long-password', role: 'FINANCE', regionId: region },
        }),
      );
      ok(
        await gql(m, admin, CREATE, {
          input: { username: 'county.gov', password: 'a-long-password', role: 'LOCAL_GOVERNMENT', regionId: region },
        }),
      );
    });
  });

  it('is FORBIDDEN to every other role, and writes nothing', async () => {
    await inRollback(async (m) => {
      for (const role of [Role.FINANCE, Role.TASK_FORCE_OFFICE, Role.FINANCIAL_REGULATOR]) {
        expect(
          codes(await gql(m, viewer(role), CREATE, { input: { username: 'sneaky', password: 'a-long-password', role: 'ADMIN' } })),
        ).toEqual(['FORBIDDEN']);
      }
      expect(codes(await gql(m, null, CREATE, { input: { username: 'sneaky', password: 'a-long-password', role: 'ADMIN' } }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(await users(m, 'sneaky')).toBe(0);
    });
  });
});

describe('login and me', () => {
  it("returns a token with the user's claims that the hub verifies, expiring after JWT_EXPIRES_IN", async () => {
    await inRollback(async (m) => {
      const region = await regionId(m, '371581');
      const { createUser } = ok(
        await gql(m, admin, CREATE, {
          input: { username: 'linqing.finance', password: 'a-long-password', role: 'FINANCE', regionId: region },
        }),
      );
      const { login } = ok(await gql(m, null, LOGIN, { u: 'linqing.finance', p: 'a-long-password' }));
      expect(login.viewer).toEqual({ id: createUser.id, role: 'FINANCE', regionId: region, institutionId: null, bankId: null });
      const claims = await verifyToken(TEST_TOKENS.secret, login.token);
      expect(claims).toEqual({ sub: createUser.id, role: Role.FINANCE, regionId: region, institutionId: null, bankId: null });
      const payload = JSON.parse(Buffer.from(login.token.split('.')[1], 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(3600);
      const { me } = ok(await gql(m, claims, '{ me { id role regionId institutionId bankId } }'));
      expect(me).toEqual(login.viewer);
    });
  });

  it('gives a wrong username, a wrong password and a disabled account the same UNAUTHENTICATED answer', async () => {
    await inRollback(async (m) => {
      ok(await gql(m, admin, CREATE, { input: { username: 'sasac.user', password: 'a-long-password', role: 'SASAC' } }));
      const wrongUser = await gql(m, null, LOGIN, { u: 'no.such.user', p: 'a-long-password' });
      const wrongPassword = await gql(m, null, LOGIN, { u: 'sasac.user', p: 'a-long-passwore' });
      await m.query(`UPDATE app_user SET active = false WHERE username = 'sasac.user'`);
      const disabled = await gql(m, null, LOGIN, { u: 'sasac.user', p: 'a-long-password' });
      for (const r of [wrongUser, wrongPassword, disabled]) {
        expect(codes(r)).toEqual(['UNAUTHENTICATED']);
        expect(r.errors![0].message).toBe(wrongUser.errors![0].message);
      }
    });
  });

  it('me is UNAUTHENTICATED without a token', async () => {
    await inRollback(async (m) => {
      expect(codes(await gql(m, null, '{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('the first administrator (HUB_ADMIN_PASSWORD)', () => {
  it('is created once when no ADMIN exists, can log in, and is not created again', async () => {
    await inRollback(async (m) => {
      await m.query(`DELETE FROM app_user WHERE role = 'ADMIN'`);
      expect(await ensureFirstAdmin(m, 'first-operator-password', log)).toBe('created');
      expect(await ensureFirstAdmin(m, 'first-operator-password', log)).toBe('exists');
      expect(await users(m, 'admin')).toBe(1);
      const { login } = ok(await gql(m, null, LOGIN, { u: 'admin', p: 'first-operator-password' }));
      expect(login.viewer.role).toBe('ADMIN');
    });
  });

  it('is not created without a password, and a short password stops the start', async () => {
    await inRollback(async (m) => {
      await m.query(`DELETE FROM app_user WHERE role = 'ADMIN'`);
      expect(await ensureFirstAdmin(m, undefined, log)).toBe('missing');
      await expect(ensureFirstAdmin(m, 'short', log)).rejects.toThrow(/at least 12/);
      expect(await users(m, 'admin')).toBe(0);
    });
  });

  it('is created by one of several hubs starting at once', async () => {
    const ds = await testDataSource();
    const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'ADMIN'`);
    expect(before, 'no test commits an ADMIN user: this one needs none to race for').toBe(0);
    try {
      const results = await Promise.all([1, 2, 3].map(() => ensureFirstAdmin(ds.manager, 'first-operator-password', log)));
      expect(results.filter((r) => r === 'created')).toHaveLength(1);
      expect(await users(ds.manager, 'admin')).toBe(1);
    } finally {
      await ds.query(`DELETE FROM app_user WHERE username = 'admin'`);
    }
  });
});
