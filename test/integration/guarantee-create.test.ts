import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import {
  countOwnRows,
  countRows,
  createAgreement,
  createBank,
  createInstitution,
  guaranteeInput,
  regionId,
  validCreditCode,
  validResidentId,
} from '../fixtures/business';
import { CREATE_GUARANTEE as CREATE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

async function setUp(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  const agreement = await createAgreement(
    m,
    { institutionId: institution.id, bankId: bank.id },
    { bankRiskShare: '0.250000', creditLine: '100000000.00' },
  );
  const region = await regionId(m, '371522');
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (overrides: Parameters<typeof guaranteeInput>[1] = {}) =>
    guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, overrides);
  /** Everything a rejected grant must leave untouched. */
  const footprint = async () => ({
    guarantees: await countRows(m, 'guarantee', 'institution_id = $1', [institution.id]),
    borrowers: await countOwnRows(m, 'borrower'),
    usedCredit: (await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [agreement.id]))[0].used_credit,
    stats: await countRows(m, 'business_month_stats', 'institution_id = $1', [institution.id]),
  });
  return { institution, bank, agreement, region, owner, input, footprint };
}

describe('createGuarantee', () => {
  it('records the guarantee under the agreement in force, registers the borrower, and keeps used credit and the monthly aggregate current', async () => {
    await inRollback(async (m) => {
      const { institution, bank, agreement, owner, input } = await setUp(m);
      const identifier = validCreditCode('371522');
      const { createGuarantee: g } = ok(
        await gql(m, owner, CREATE, {
          input: input({
            code: ' HT-2024-001 ',
            borrower: { identifier: identifier.toLowerCase(), name: '莘县某农业公司', kind: 'AGRICULTURAL_ENTERPRISE' },
          }),
        }),
      );
      expect(g).toMatchObject({
        code: 'HT-2024-001',
        kind: 'LOAN',
        loanAmount: '1000000.00',
        guaranteedAmount: '800000.00',
        feeRate: '0.008000',
        bankRiskShare: '0.250000',
        status: 'ACTIVE',
        releasedOn: null,
        smallAgri: true,
        institution: { id: institution.id },
        bank: { id: bank.id },
        borrower: { name: '莘县某农业公司', identifier, kind: 'AGRICULTURAL_ENTERPRISE', region: { code: '371522' } },
      });
      const [row] = await m.query(`SELECT agreement_id, region_id FROM guarantee WHERE id = $1`, [g.id]);
      expect(row).toEqual({ agreement_id: agreement.id, region_id: await regionId(m, '371522') });
      const [b] = await m.query(`SELECT identifier, identifier_kind FROM borrower WHERE id = $1`, [g.borrower.id]);
      expect(b).toEqual({ identifier, identifier_kind: 'CREDIT_CODE' });
      expect((await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [agreement.id]))[0].used_credit).toBe(
        '800000.00',
      );
      const [stats] = await m.query(
        `SELECT month, new_count, new_amount, small_agri_amount, small_household_amount, fee_weighted_amount FROM business_month_stats WHERE institution_id = $1`,
        [institution.id],
      );
      expect(stats).toEqual({
        month: '2024-03-01',
        new_count: 1,
        new_amount: '800000.00',
        small_agri_amount: '800000.00',
        small_household_amount: '800000.00',
        fee_weighted_amount: '6400.00000000',
      });
    });
  });

  it('registers a person by resident ID (lowercase x read as X) and finds the same borrower again by identifier', async () => {
    await inRollback(async (m) => {
      const { owner, input } = await setUp(m);
      const id = validResidentId({ checkX: true, region: '371522' });
      const first = ok(
        await gql(m, owner, CREATE, { input: input({ borrower: { identifier: id.toLowerCase(), name: '张三', kind: 'FARMER' } }) }),
      ).createGuarantee;
      const again = ok(
        await gql(m, owner, CREATE, { input: input({ borrower: { identifier: id, name: '张三（更名）', kind: 'FARMER' } }) }),
      ).createGuarantee;
      expect(first.borrower.identifier).toBe(id);
      expect(again.borrower.id).toBe(first.borrower.id);
      const [b] = await m.query(`SELECT name, identifier_kind FROM borrower WHERE identifier = $1`, [id]);
      expect(b).toEqual({ name: '张三（更名）', identifier_kind: 'RESIDENT_ID' });
    });
  });

  it.each([
    ['code', { code: '   ' }],
    ['code', { code: 'X'.repeat(65) }],
    ['borrower.name', { borrower: { name: ' ' } }],
    ['borrower.identifier', { borrower: { identifier: '371502199001011235' } }],
    ['borrower.identifier', { borrower: { identifier: '91350100M000100Y44' } }],
    ['borrower.identifier', { borrower: { identifier: '91350100M000100Y4' } }],
    ['borrower.regionId', { borrower: { regionId: '00000000-0000-4000-8000-000000000000' } }],
    ['bankId', { bankId: '00000000-0000-4000-8000-000000000000' }],
    ['bankId', { bankId: 'not-a-bank' }],
    ['loanAmount', { loanAmount: '0', guaranteedAmount: '0.01' }],
    ['loanAmount', { loanAmount: '-1000.00' }],
    ['loanAmount', { loanAmount: '1000000.001' }],
    ['guaranteedAmount', { guaranteedAmount: '0.00' }],
    ['guaranteedAmount', { guaranteedAmount: '800000.005' }],
    ['guaranteedAmount', { guaranteedAmount: '1000000.01' }],
    ['feeRate', { feeRate: '1.000001' }],
    ['feeRate', { feeRate: '-0.000001' }],
    ['feeRate', { feeRate: '0.0080001' }],
    ['endOn', { startOn: '2024-03-02', endOn: '2024-03-01' }],
    // Refused by the scalars while the variables are coerced: the field still names the input.
    ['loanAmount', { loanAmount: '1e6' }],
    ['guaranteedAmount', { guaranteedAmount: 800000 }],
    ['feeRate', { feeRate: undefined }],
    ['borrower.regionId', { borrower: { regionId: null } }],
    ['startOn', { startOn: '2024-02-30' }],
  ])('rejects a bad %s (%j): BAD_USER_INPUT with its field path, nothing written', async (field, overrides) => {
    await inRollback(async (m) => {
      const { owner, input, footprint } = await setUp(m);
      const before = await footprint();
      const result = await gql(m, owner, CREATE, { input: input(overrides) });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await footprint()).toEqual(before);
    });
  });

  it('accepts the boundaries: guaranteed = loan, fee rate 0 and 1, one-day term, 0.01 yuan', async () => {
    await inRollback(async (m) => {
      const { owner, input } = await setUp(m);
      for (const overrides of [
        { loanAmount: '500000', guaranteedAmount: '500000.00' },
        { feeRate: '0' },
        { feeRate: '1' },
        { feeRate: '0.012345' },
        { startOn: '2024-06-30', endOn: '2024-06-30' },
        { loanAmount: '0.01', guaranteedAmount: '0.01' },
      ]) {
        ok(await gql(m, owner, CREATE, { input: input(overrides) }));
      }
    });
  });

  it('R2: refuses a government financing platform, and a bond for a government issuer (POLICY_VIOLATION, nothing written)', async () => {
    await inRollback(async (m) => {
      const { owner, input, footprint } = await setUp(m);
      const before = await footprint();
      for (const kind of ['LOAN', 'BOND', 'OTHER_FINANCING']) {
        const result = await gql(m, owner, CREATE, { input: input({ kind, borrower: { kind: 'GOVERNMENT_PLATFORM' } }) });
        expect(codes(result)).toEqual(['POLICY_VIOLATION']);
        expect(result.errors?.[0].extensions?.rule).toBe('R2');
      }
      expect(await footprint()).toEqual(before);
      // The twin: a bond guarantee for an enterprise is business like any other (but never 支小支农, R1).
      const bond = ok(
        await gql(m, owner, CREATE, { input: input({ kind: 'BOND', borrower: { kind: 'SMALL_ENTERPRISE' } }) }),
      ).createGuarantee;
      expect(bond.smallAgri).toBe(false);
    });
  });

  it('refuses a code the institution already used (CONFLICT, nothing written); another institution may use it', async () => {
    await inRollback(async (m) => {
      const { owner, input, footprint, bank, region } = await setUp(m);
      ok(await gql(m, owner, CREATE, { input: input({ code: 'DUP-1' }) }));
      const before = await footprint();
      expect(codes(await gql(m, owner, CREATE, { input: input({ code: 'DUP-1', borrower: { identifier: validCreditCode() } }) }))).toEqual([
        'CONFLICT',
      ]);
      expect(await footprint()).toEqual(before);
      const other = await createInstitution(m);
      const otherOwner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: other.id });
      ok(
        await gql(m, otherOwner, CREATE, {
          input: guaranteeInput({ institutionId: other.id, bankId: bank.id, regionId: region }, { code: 'DUP-1' }),
        }),
      );
    });
  });

  it('is NOT_FOUND for another institution, FORBIDDEN to other roles, UNAUTHENTICATED without a viewer; nothing written', async () => {
    await inRollback(async (m) => {
      const { institution, input, footprint } = await setUp(m);
      const other = await createInstitution(m);
      const before = await footprint();
      expect(codes(await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: other.id }), CREATE, { input: input() }))).toEqual([
        'NOT_FOUND',
      ]);
      for (const role of [Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.BANK, Role.HOLDING_GROUP]) {
        expect(codes(await gql(m, viewer(role, { institutionId: institution.id }), CREATE, { input: input() }))).toEqual(['FORBIDDEN']);
      }
      expect(codes(await gql(m, null, CREATE, { input: input() }))).toEqual(['UNAUTHENTICATED']);
      expect(await footprint()).toEqual(before);
    });
  });
});
