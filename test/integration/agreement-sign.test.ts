import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { countRows, createAgreement, createBank, createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

const SIGN = `mutation ($input: CooperationAgreementInput!) {
  signCooperationAgreement(input: $input) {
    id bankRiskShare creditLine usedCredit batchMode greenChannel exceptionReason signedOn expiresOn
    institution { id name } bank { id name }
  }
}`;

async function parties(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (overrides: Record<string, unknown> = {}) => ({
    institutionId: institution.id,
    bankId: bank.id,
    bankRiskShare: '0.20',
    creditLine: '50000000.00',
    batchMode: true,
    signedOn: '2024-01-01',
    expiresOn: '2026-12-31',
    ...overrides,
  });
  const agreements = () => countRows(m, 'cooperation_agreement', 'institution_id = $1', [institution.id]);
  return { institution, bank, owner, input, agreements };
}

describe('signCooperationAgreement', () => {
  it("records the institution's own agreement, with its parties through the loaders", async () => {
    await inRollback(async (m) => {
      const { institution, bank, owner, input } = await parties(m);
      const { signCooperationAgreement: a } = ok(await gql(m, owner, SIGN, { input: input({ greenChannel: true }) }));
      expect(a).toMatchObject({
        bankRiskShare: '0.200000',
        creditLine: '50000000.00',
        usedCredit: '0.00',
        batchMode: true,
        greenChannel: true,
        exceptionReason: null,
        signedOn: '2024-01-01',
        expiresOn: '2026-12-31',
        institution: { id: institution.id, name: institution.name },
        bank: { id: bank.id, name: bank.name },
      });
    });
  });

  it('R5: exactly the minimum share needs no reason; one millionth below it is a POLICY_VIOLATION, nothing written', async () => {
    await inRollback(async (m) => {
      const { owner, input, agreements } = await parties(m);
      ok(await gql(m, owner, SIGN, { input: input({ bankRiskShare: '0.200000' }) }));
      const below = await gql(m, owner, SIGN, { input: input({ bankRiskShare: '0.199999' }) });
      expect(codes(below)).toEqual(['POLICY_VIOLATION']);
      expect(below.errors?.[0].extensions?.rule).toBe('R5');
      const blankReason = await gql(m, owner, SIGN, { input: input({ bankRiskShare: '0.1', exceptionReason: '   ' }) });
      expect(codes(blankReason)).toEqual(['POLICY_VIOLATION']);
      expect(await agreements()).toBe(1);
    });
  });

  it('R5: a lower share is accepted with its exceptionReason recorded', async () => {
    await inRollback(async (m) => {
      const { owner, input } = await parties(m);
      const { signCooperationAgreement: a } = ok(
        await gql(m, owner, SIGN, { input: input({ bankRiskShare: '0.1', exceptionReason: ' 省级再担保分险60%，银行10% ' }) }),
      );
      expect(a).toMatchObject({ bankRiskShare: '0.100000', exceptionReason: '省级再担保分险60%，银行10%' });
    });
  });

  it.each([
    ['bankRiskShare', { bankRiskShare: '1.000001' }],
    ['bankRiskShare', { bankRiskShare: '-0.1' }],
    ['bankRiskShare', { bankRiskShare: '0.2000001' }],
    ['creditLine', { creditLine: '-1.00' }],
    ['creditLine', { creditLine: '100.001' }],
    ['expiresOn', { signedOn: '2024-01-02', expiresOn: '2024-01-01' }],
  ])('rejects a bad %s (%j) with BAD_USER_INPUT on that field, nothing written', async (field, overrides) => {
    await inRollback(async (m) => {
      const { owner, input, agreements } = await parties(m);
      const result = await gql(m, owner, SIGN, { input: input(overrides) });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await agreements()).toBe(0);
    });
  });

  it('accepts the boundaries: share 0 and 1 (0 with a reason), credit line 0, expiry on the signing day, open-ended', async () => {
    await inRollback(async (m) => {
      const { owner, input, agreements } = await parties(m);
      ok(await gql(m, owner, SIGN, { input: input({ bankRiskShare: '1' }) }));
      ok(await gql(m, owner, SIGN, { input: input({ bankRiskShare: '0', exceptionReason: '政策性业务' }) }));
      ok(await gql(m, owner, SIGN, { input: input({ creditLine: '0' }) }));
      ok(await gql(m, owner, SIGN, { input: input({ signedOn: '2024-05-05', expiresOn: '2024-05-05' }) }));
      const open = ok(await gql(m, owner, SIGN, { input: input({ expiresOn: null }) }));
      expect(open.signCooperationAgreement.expiresOn).toBeNull();
      expect(await agreements()).toBe(5);
    });
  });

  it('refuses an unknown bank (BAD_USER_INPUT bankId), another institution (NOT_FOUND) and other roles (FORBIDDEN)', async () => {
    await inRollback(async (m) => {
      const { owner, input, agreements, institution } = await parties(m);
      const other = await createInstitution(m);
      const unknownBank = await gql(m, owner, SIGN, { input: input({ bankId: '00000000-0000-4000-8000-000000000000' }) });
      expect(codes(unknownBank)).toEqual(['BAD_USER_INPUT']);
      expect(unknownBank.errors?.[0].extensions?.field).toBe('bankId');
      expect(codes(await gql(m, owner, SIGN, { input: input({ institutionId: other.id }) }))).toEqual(['NOT_FOUND']);
      for (const role of [Role.FINANCE, Role.BANK, Role.FINANCIAL_REGULATOR]) {
        expect(codes(await gql(m, viewer(role, { institutionId: institution.id }), SIGN, { input: input() }))).toEqual(['FORBIDDEN']);
      }
      expect(codes(await gql(m, null, SIGN, { input: input() }))).toEqual(['UNAUTHENTICATED']);
      expect(await agreements()).toBe(0);
      expect(await countRows(m, 'cooperation_agreement', 'institution_id = $1', [other.id])).toBe(0);
    });
  });
});

const LIST = `query ($institutionId: ID, $bankId: ID) { cooperationAgreements(institutionId: $institutionId, bankId: $bankId) { id institution { id } bank { id } } }`;

describe('cooperationAgreements', () => {
  it('shows each side its own agreements, the PBOC and banking regulator all, and filters by party', async () => {
    await inRollback(async (m) => {
      const [a, b] = [await createInstitution(m), await createInstitution(m)];
      const [x, y] = [await createBank(m), await createBank(m)];
      const ax = await createAgreement(m, { institutionId: a.id, bankId: x.id });
      const ay = await createAgreement(m, { institutionId: a.id, bankId: y.id });
      const bx = await createAgreement(m, { institutionId: b.id, bankId: x.id });
      const ids = async (v: ReturnType<typeof viewer>, vars: Record<string, unknown> = {}) =>
        (ok(await gql(m, v, LIST, vars)).cooperationAgreements as { id: string }[])
          .map((r) => r.id)
          .filter((id) => [ax.id, ay.id, bx.id].includes(id))
          .sort();

      expect(await ids(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id }))).toEqual([ax.id, ay.id].sort());
      expect(await ids(viewer(Role.BANK, { bankId: x.id }))).toEqual([ax.id, bx.id].sort());
      for (const role of [Role.PBOC, Role.BANKING_REGULATOR, Role.FINANCE, Role.TASK_FORCE_OFFICE]) {
        expect(await ids(viewer(role))).toEqual([ax.id, ay.id, bx.id].sort());
      }
      expect(await ids(viewer(Role.PBOC), { institutionId: a.id, bankId: x.id })).toEqual([ax.id]);
      expect(await ids(viewer(Role.PBOC), { bankId: 'not-a-uuid' })).toEqual([]);
      // Another institution's agreements are not there, even when asked for by id.
      expect(await ids(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: b.id }), { institutionId: a.id })).toEqual([]);
    });
  });

  it('is FORBIDDEN to roles without cooperation data', async () => {
    await inRollback(async (m) => {
      for (const role of [Role.SASAC, Role.TASK_FORCE_MEMBER, Role.PUBLIC_SECURITY, Role.ADMIN]) {
        expect(codes(await gql(m, viewer(role), LIST))).toEqual(['FORBIDDEN']);
      }
    });
  });
});
