import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { createInstitution, createPartners, guaranteeInput } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback, testDataSource } from '../support/db';
import { codes, gql, ok } from '../support/graphql';
import { missingOperations } from '../support/operations';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
const admin = viewer(Role.ADMIN);

interface AuditRow {
  actor_sub: string | null;
  actor_role: string | null;
  operation: string;
  target_ids: string[];
  outcome: string;
  error_code: string | null;
  detail: { args: Record<string, any> };
}

/** The audit rows written since `since` (an id), oldest first. */
/**
 * The audit rows written since `since` — inside a rolled-back test, only those of the test's own transaction:
 * other test files commit mutations meanwhile, and a visible row whose writer is still in progress is ours.
 */
async function auditSince(m: EntityManager, since: string, own = m.queryRunner?.isTransactionActive === true): Promise<AuditRow[]> {
  return m.query(
    `SELECT actor_sub, actor_role, operation, target_ids, outcome, error_code, detail FROM audit_log
      WHERE id > $1 AND (NOT $2 OR txid_status((txid_current() / 4294967296) * 4294967296 + xmin::text::bigint) = 'in progress')
      ORDER BY id`,
    [since, own],
  );
}

async function lastAuditId(m: EntityManager): Promise<string> {
  const [{ id }] = await m.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`);
  return id;
}

// A missing operation fails here (and in the tests that use it), never skips them.
it('exercises operations the schema has', () => {
  expect(missingOperations(['Mutation.createGuarantee', 'Mutation.importGuarantees'])).toEqual([]);
});

describe('audit log of mutations', () => {
  it('records an accepted mutation: who, role, operation, the ids it touched — and never the password', async () => {
    await inRollback(async (m) => {
      const since = await lastAuditId(m);
      const institution = await createInstitution(m);
      const input = {
        username: 'audited.user',
        password: 'secret-password-123',
        role: 'GUARANTEE_INSTITUTION',
        institutionId: institution.id,
      };
      const { createUser } = ok(await gql(m, admin, CREATE, { input }));
      const [row] = await auditSince(m, since);
      expect(row).toMatchObject({
        actor_sub: admin.sub,
        actor_role: 'ADMIN',
        operation: 'createUser',
        outcome: 'ACCEPTED',
        error_code: null,
      });
      expect(row.target_ids.sort()).toEqual([institution.id, createUser.id].sort());
      expect(row.detail.args.input).toMatchObject({ username: 'audited.user', password: '[redacted]' });
      expect(JSON.stringify(row)).not.toContain('secret-password-123');
    });
  });

  it('records mutations the shield refuses, anonymous ones included', async () => {
    await inRollback(async (m) => {
      const since = await lastAuditId(m);
      const forbidden = await gql(m, viewer(Role.FINANCE), CREATE, {
        input: { username: 'x.user', password: 'secret-password-123', role: 'ADMIN' },
      });
      const anonymous = await gql(m, null, CREATE, { input: { username: 'y.user', password: 'secret-password-123', role: 'ADMIN' } });
      expect([codes(forbidden), codes(anonymous)]).toEqual([['FORBIDDEN'], ['UNAUTHENTICATED']]);
      const rows = await auditSince(m, since);
      expect(rows.map((r) => [r.actor_role, r.operation, r.outcome, r.error_code])).toEqual([
        ['FINANCE', 'createUser', 'REJECTED', 'FORBIDDEN'],
        [null, 'createUser', 'REJECTED', 'UNAUTHENTICATED'],
      ]);
      expect(rows[1].actor_sub).toBeNull();
    });
  });

  it('records a mutation its service rejects, with the code the client saw, while the mutation wrote nothing', async () => {
    await inRollback(async (m) => {
      const since = await lastAuditId(m);
      const result = await gql(m, admin, CREATE, { input: { username: 'short.pw', password: 'too-short', role: 'FINANCE' } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      const [row] = await auditSince(m, since);
      expect(row).toMatchObject({ operation: 'createUser', outcome: 'REJECTED', error_code: 'BAD_USER_INPUT' });
      expect(await m.query(`SELECT 1 FROM app_user WHERE username = 'short.pw'`)).toEqual([]);
    });
  });

  it('records logins, failed and successful, with the username but never the password or the token', async () => {
    await inRollback(async (m) => {
      ok(await gql(m, admin, CREATE, { input: { username: 'login.audit', password: 'login-password-123', role: 'SASAC' } }));
      const since = await lastAuditId(m);
      expect(codes(await gql(m, null, LOGIN, { u: 'login.audit', p: 'wrong-password-456' }))).toEqual(['UNAUTHENTICATED']);
      const { login } = ok(await gql(m, null, LOGIN, { u: 'login.audit', p: 'login-password-123' }));
      const rows = await auditSince(m, since);
      expect(rows.map((r) => [r.operation, r.outcome, r.error_code, r.detail.args.username])).toEqual([
        ['login', 'REJECTED', 'UNAUTHENTICATED', 'login.audit'],
        ['login', 'ACCEPTED', null, 'login.audit'],
      ]);
      const [user] = await m.query(`SELECT id FROM app_user WHERE username = 'login.audit'`);
      expect(rows[1].target_ids).toEqual([user.id]);
      const text = JSON.stringify(rows);
      for (const secret of ['wrong-password-456', 'login-password-123', login.token, login.token.split('.')[2]])
        expect(text).not.toContain(secret);
    });
  });

  it('keeps an imported CSV as its size, not its contents', async () => {
    await inRollback(async (m) => {
      const institution = await createInstitution(m);
      const since = await lastAuditId(m);
      const csv = `code,borrower_name,borrower_identifier\n${'G-1,某某企业,91371502MA3C8FQX2K\n'.repeat(20)}`;
      await gql(
        m,
        viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id }),
        `mutation($i: ID!, $c: String!) { importGuarantees(institutionId: $i, csv: $c) { acceptedCount } }`,
        { i: institution.id, c: csv },
      );
      const [row] = await auditSince(m, since);
      expect(row.operation).toBe('importGuarantees');
      expect(row.detail.args.csv).toEqual({ characters: csv.length, lines: 22 });
      expect(JSON.stringify(row)).not.toContain('某某企业');
    });
  });

  it("records a business rule's rejection (CREDIT_LINE_EXCEEDED) after the mutation rolled back", async () => {
    await inRollback(async (m) => {
      const { institution, bank } = await createPartners(m, { creditLine: '1000.00' });
      const since = await lastAuditId(m);
      const input = guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: institution.regionId });
      const r = await gql(
        m,
        viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id }),
        `mutation($i: GuaranteeInput!) { createGuarantee(input: $i) { id } }`,
        { i: input },
      );
      expect(codes(r)).toEqual(['CREDIT_LINE_EXCEEDED']);
      expect(await m.query(`SELECT 1 FROM guarantee WHERE institution_id = $1`, [institution.id])).toEqual([]);
      expect(await m.query(`SELECT 1 FROM borrower WHERE identifier = $1`, [input.borrower.identifier])).toEqual([]);
      const [row] = await auditSince(m, since);
      expect(row).toMatchObject({ operation: 'createGuarantee', outcome: 'REJECTED', error_code: 'CREDIT_LINE_EXCEEDED' });
      expect(row.target_ids).toEqual(expect.arrayContaining([institution.id, bank.id]));
      expect(row.detail.args.input.borrower.identifier).toMatch(/^.{4}\*{10}.{4}$/);
    });
  });

  it("keeps the audit row of a rejected mutation although the mutation's own transaction rolled back", async () => {
    // Committed, on the pool: two hubs create the same username at once. The loser's insert fails inside
    // its own transaction (unique violation → CONFLICT), and its audit row must still be there.
    const ds = await testDataSource();
    const username = `race.${randomUUID().slice(0, 8)}`;
    const since = await lastAuditId(ds.manager);
    const input = { username, password: 'race-password-123', role: 'FINANCE' };
    const results = await Promise.all([gql(ds.manager, admin, CREATE, { input }), gql(ds.manager, admin, CREATE, { input })]);
    expect(results.map(codes).sort()).toEqual([[], ['CONFLICT']]);
    const rows = (await auditSince(ds.manager, since)).filter((r) => r.detail.args.input?.username === username);
    expect(rows.map((r) => [r.outcome, r.error_code]).sort()).toEqual([
      ['ACCEPTED', null],
      ['REJECTED', 'CONFLICT'],
    ]);
    expect(await ds.query(`SELECT 1 FROM app_user WHERE username = $1`, [username])).toHaveLength(1);
    await ds.query(`DELETE FROM app_user WHERE username = $1`, [username]);
  });
});

describe('the audit log is append-only, in the database itself', () => {
  it.each([
    ['UPDATE', `UPDATE audit_log SET outcome = 'ACCEPTED'`],
    ['DELETE', `DELETE FROM audit_log`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])("%s fails for the application's own database user", async (_what, sql) => {
    await inRollback(async (m) => {
      await m.query(`INSERT INTO audit_log (operation, outcome) VALUES ('test', 'REJECTED')`);
      await expect(m.query(sql)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
    });
  });
});

describe('auditLog query', () => {
  const PAGE = `query($first: Int, $after: String, $op: String) { auditLog(first: $first, after: $after, operation: $op) {
    edges { cursor node { id operation actorSub actorRole targetIds outcome errorCode at } } pageInfo { hasNextPage endCursor } } }`;

  async function seed(m: EntityManager, operation: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await m.query(
        `INSERT INTO audit_log (actor_sub, actor_role, operation, target_ids, outcome) VALUES ($1, 'FINANCE', $2, $3, 'ACCEPTED')`,
        [`sub-${i}`, operation, [`t-${i}`]],
      );
    }
  }

  it('pages newest first with first/after, filtered by operation, for ADMIN and FINANCIAL_REGULATOR', async () => {
    await inRollback(async (m) => {
      const op = `testOperation${randomUUID().slice(0, 8)}`;
      await seed(m, op, 5);
      for (const reader of [admin, viewer(Role.FINANCIAL_REGULATOR)]) {
        const first = ok(await gql(m, reader, PAGE, { first: 2, op })).auditLog;
        expect(first.edges.map((e: any) => e.node.actorSub)).toEqual(['sub-4', 'sub-3']);
        expect(first.edges[0].node).toMatchObject({
          operation: op,
          actorRole: 'FINANCE',
          targetIds: ['t-4'],
          outcome: 'ACCEPTED',
          errorCode: null,
        });
        expect(first.pageInfo.hasNextPage).toBe(true);
        const second = ok(await gql(m, reader, PAGE, { first: 2, after: first.pageInfo.endCursor, op })).auditLog;
        expect(second.edges.map((e: any) => e.node.actorSub)).toEqual(['sub-2', 'sub-1']);
        const last = ok(await gql(m, reader, PAGE, { first: 2, after: second.pageInfo.endCursor, op })).auditLog;
        expect(last.edges.map((e: any) => e.node.actorSub)).toEqual(['sub-0']);
        expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0].cursor });
      }
    });
  });

  it('refuses a page size outside 1–200 and a foreign cursor (BAD_USER_INPUT), and every other role', async () => {
    await inRollback(async (m) => {
      for (const [vars, field] of [
        [{ first: 0 }, 'first'],
        [{ first: 201 }, 'first'],
        [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
      ] as const) {
        const r = await gql(m, admin, PAGE, vars);
        expect([codes(r), r.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], field]);
      }
      for (const role of [Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.GUARANTEE_INSTITUTION, Role.PUBLIC_SECURITY]) {
        expect(codes(await gql(m, viewer(role, { institutionId: randomUUID() }), PAGE, {}))).toEqual(['FORBIDDEN']);
      }
    });
  });
});
