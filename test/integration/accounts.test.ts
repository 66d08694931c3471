import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import type { Viewer } from '../../src/access/viewer';
import { hashPassword } from '../../src/modules/user/user.passwords';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/**
 * Account management (../shared/DESIGN.md §3, issue 9) in-process, each test in a transaction it rolls back:
 * the listing, the operator's refusals, the password rules and the audit rows. What happens to tokens is in
 * test/http/accounts-http.test.ts, over HTTP where tokens are checked.
 */
const PASSWORD = 'correct-horse-battery';
const USERS = '{ users { id username role regionId institutionId bankId active } }';
const SET_ACTIVE = 'mutation($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { id active } }';
const RESET = 'mutation($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) { id } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const hash = hashPassword(PASSWORD);

interface Account {
  id: string;
  username: string;
  /** A viewer as `login` would make it: sub is the user's id. */
  as: Viewer;
}

async function account(m: EntityManager, username: string, role: Role = Role.TASK_FORCE_OFFICE): Promise<Account> {
  const [{ id }] = await m.query(`INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id`, [
    username,
    await hash,
    role,
  ]);
  return { id, username, as: { ...viewer(role), sub: id } };
}

async function stored(m: EntityManager, id: string): Promise<{ password_hash: string; token_version: number; active: boolean }> {
  const [row] = await m.query(`SELECT password_hash, token_version, active FROM app_user WHERE id = $1`, [id]);
  return row;
}

/** The audit rows of `actor` in this transaction, oldest first. */
async function audit(m: EntityManager, actor: string) {
  return (await m.query(`SELECT operation, outcome, error_code, target_ids, detail FROM audit_log WHERE actor_sub = $1 ORDER BY id`, [
    actor,
  ])) as {
    operation: string;
    outcome: string;
    error_code: string | null;
    target_ids: string[];
    detail: { args: Record<string, unknown> };
  }[];
}

describe('users (ADMIN)', () => {
  it('lists every account by username with its role, scope and state, and has no field for a password or its hash', async () => {
    await inRollback(async (m) => {
      const admin = await account(m, 'acct.list.admin', Role.ADMIN);
      const b = await account(m, 'acct.list.b');
      const a = await account(m, 'acct.list.a', Role.SASAC);
      await m.query(`UPDATE app_user SET active = false WHERE id = $1`, [b.id]);
      const { users } = ok(await gql(m, admin.as, USERS));
      const mine = users.filter((u: { username: string }) => u.username.startsWith('acct.list.'));
      expect(mine).toEqual([
        { id: a.id, username: 'acct.list.a', role: 'SASAC', regionId: null, institutionId: null, bankId: null, active: true },
        { id: admin.id, username: 'acct.list.admin', role: 'ADMIN', regionId: null, institutionId: null, bankId: null, active: true },
        { id: b.id, username: 'acct.list.b', role: 'TASK_FORCE_OFFICE', regionId: null, institutionId: null, bankId: null, active: false },
      ]);
      expect(users.map((u: { username: string }) => u.username)).toEqual(users.map((u: { username: string }) => u.username).sort());
      expect(codes(await gql(m, admin.as, '{ users { passwordHash } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      for (const role of [Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.TASK_FORCE_OFFICE]) {
        expect(codes(await gql(m, viewer(role), USERS))).toEqual(['FORBIDDEN']);
      }
      expect(codes(await gql(m, null, USERS))).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('setUserActive (ADMIN)', () => {
  it('refuses an administrator deactivating itself (CONFLICT) and an unknown id (NOT_FOUND), changing nothing', async () => {
    await inRollback(async (m) => {
      const admin = await account(m, 'acct.self.admin', Role.ADMIN);
      expect(codes(await gql(m, admin.as, SET_ACTIVE, { id: admin.id, a: false }))).toEqual(['CONFLICT']);
      expect(await stored(m, admin.id)).toMatchObject({ active: true, token_version: 0 });
      expect(codes(await gql(m, admin.as, SET_ACTIVE, { id: '6b0f0c1e-7d6e-4a53-9a39-3a4a8d2b8e11', a: false }))).toEqual(['NOT_FOUND']);
      expect(codes(await gql(m, admin.as, SET_ACTIVE, { id: 'not-an-id', a: false }))).toEqual(['NOT_FOUND']);
      expect(codes(await gql(m, viewer(Role.FINANCE), SET_ACTIVE, { id: admin.id, a: false }))).toEqual(['FORBIDDEN']);
    });
  });

  it('deactivates (retiring the tokens: the version moves) and reactivates; the last active administrator stays active', async () => {
    await inRollback(async (m) => {
      const [a, b] = [await account(m, 'acct.admin.a', Role.ADMIN), await account(m, 'acct.admin.b', Role.ADMIN)];
      expect(ok(await gql(m, a.as, SET_ACTIVE, { id: b.id, a: false }))).toEqual({ setUserActive: { id: b.id, active: false } });
      expect(await stored(m, b.id)).toMatchObject({ active: false, token_version: 1 });
      // b's token would be refused over HTTP; in-process it still reaches the rule that keeps one administrator.
      expect(codes(await gql(m, b.as, SET_ACTIVE, { id: a.id, a: false }))).toEqual(['CONFLICT']);
      expect(await stored(m, a.id)).toMatchObject({ active: true });
      expect(ok(await gql(m, a.as, SET_ACTIVE, { id: b.id, a: true }))).toEqual({ setUserActive: { id: b.id, active: true } });
      // Reactivation does not bring the retired tokens back.
      expect(await stored(m, b.id)).toMatchObject({ active: true, token_version: 1 });
    });
  });
});

describe('password rules, wherever a password is set', () => {
  it('refuses fewer than 12 characters and a password that is or contains the username, whatever the case', async () => {
    await inRollback(async (m) => {
      const admin = await account(m, 'acct.rules.admin', Role.ADMIN);
      const user = await account(m, 'acct.rules.user');
      const before = await stored(m, user.id);
      const cases: [string, Record<string, unknown>, string][] = [
        [CREATE, { input: { username: 'finance.city', password: 'finance.city', role: 'FINANCE' } }, 'password'],
        [CREATE, { input: { username: 'finance.city', password: 'My-FINANCE.City-2026', role: 'FINANCE' } }, 'password'],
        [CREATE, { input: { username: 'finance.city', password: '12345678901', role: 'FINANCE' } }, 'password'],
        [RESET, { id: user.id, p: '12345678901' }, 'newPassword'],
        [RESET, { id: user.id, p: 'xx-ACCT.RULES.USER-xx' }, 'newPassword'],
      ];
      for (const [query, variables, field] of cases) {
        const r = await gql(m, admin.as, query, variables);
        expect([codes(r), r.errors?.[0].extensions?.field], JSON.stringify(variables)).toEqual([['BAD_USER_INPUT'], field]);
      }
      for (const n of ['short-pw', 'Acct.Rules.User!!']) {
        const r = await gql(m, user.as, CHANGE, { c: PASSWORD, n });
        expect([codes(r), r.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'newPassword']);
      }
      expect(await m.query(`SELECT 1 FROM app_user WHERE username = 'finance.city'`)).toEqual([]);
      expect(await stored(m, user.id)).toEqual(before);
      // Exactly 12 characters, and a username merely sharing letters, are fine.
      ok(await gql(m, admin.as, RESET, { id: user.id, p: 'acct.rules.u' }));
    });
  });
});

describe('audit rows of account changes', () => {
  it('a password change whose audit row cannot be written does not happen (they commit together)', async () => {
    await inRollback(async (m) => {
      const user = await account(m, 'acct.audit.atomic');
      const before = await stored(m, user.id);
      // The audit log refuses this user's accepted changePassword row (rolled back with the test).
      await m.query(`CREATE FUNCTION pg_temp.refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.operation = 'changePassword' AND NEW.outcome = 'ACCEPTED' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`);
      await m.query(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse_audit()`);
      expect(codes(await gql(m, user.as, CHANGE, { c: PASSWORD, n: 'changed-by-user-22' }))).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(await stored(m, user.id)).toEqual(before); // neither the hash nor the token version moved
      await m.query(`DROP TRIGGER refuse_audit ON audit_log`);
      expect(ok(await gql(m, user.as, CHANGE, { c: PASSWORD, n: 'changed-by-user-22' }))).toEqual({ changePassword: true });
      expect((await audit(m, user.id)).map((r) => [r.operation, r.outcome, r.error_code])).toEqual([
        ['changePassword', 'REJECTED', 'INTERNAL_SERVER_ERROR'],
        ['changePassword', 'ACCEPTED', null],
      ]);
    });
  });

  it('records each mutation, accepted or refused, with the user it touched and never a password', async () => {
    await inRollback(async (m) => {
      const admin = await account(m, 'acct.audit.admin', Role.ADMIN);
      const user = await account(m, 'acct.audit.user');
      ok(await gql(m, admin.as, SET_ACTIVE, { id: user.id, a: false }));
      ok(await gql(m, admin.as, SET_ACTIVE, { id: user.id, a: true }));
      ok(await gql(m, admin.as, RESET, { id: user.id, p: 'reset-by-operator-1' }));
      expect(codes(await gql(m, user.as, CHANGE, { c: 'wrong-current-password', n: 'changed-by-user-22' }))).toEqual(['BAD_USER_INPUT']);
      expect(ok(await gql(m, user.as, CHANGE, { c: 'reset-by-operator-1', n: 'changed-by-user-22' }))).toEqual({ changePassword: true });
      const rows = [...(await audit(m, admin.id)), ...(await audit(m, user.id))];
      expect(rows.map((r) => [r.operation, r.outcome, r.error_code])).toEqual([
        ['setUserActive', 'ACCEPTED', null],
        ['setUserActive', 'ACCEPTED', null],
        ['resetPassword', 'ACCEPTED', null],
        ['changePassword', 'REJECTED', 'BAD_USER_INPUT'],
        ['changePassword', 'ACCEPTED', null],
      ]);
      for (const r of rows.slice(0, 3)) expect(r.target_ids).toEqual([user.id]);
      expect(rows[0].detail.args).toEqual({ id: user.id, active: false });
      expect(rows[2].detail.args).toEqual({ id: user.id, newPassword: '[redacted]' });
      expect(rows[4].detail.args).toEqual({ currentPassword: '[redacted]', newPassword: '[redacted]' });
      const text = JSON.stringify(rows);
      for (const secret of ['reset-by-operator-1', 'wrong-current-password', 'changed-by-user-22', PASSWORD])
        expect(text).not.toContain(secret);
      const after = await stored(m, user.id);
      expect(after).toMatchObject({ active: true, token_version: 3 });
      expect(after.password_hash).toMatch(/^\$argon2id\$/);
    });
  });
});
