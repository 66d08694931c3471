import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import {
  countRows,
  createAgreement,
  createBank,
  createBorrower,
  createGuarantee,
  createInstitution,
  guaranteeInput,
  regionId,
  validCreditCode,
} from '../fixtures/business';
import { CREATE_GUARANTEE as CREATE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

async function setUp(m: EntityManager, agreement: Parameters<typeof createAgreement>[2] | null = {}) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  const a = agreement ? await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, agreement) : null;
  const region = await regionId(m);
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (overrides: Parameters<typeof guaranteeInput>[1] = {}) =>
    guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, overrides);
  const grant = async (overrides: Parameters<typeof guaranteeInput>[1] = {}) =>
    ok(await gql(m, owner, CREATE, { input: input(overrides) })).createGuarantee;
  const used = async (id = a!.id) => (await m.query(`SELECT used_credit FROM cooperation_agreement WHERE id = $1`, [id]))[0].used_credit;
  return { institution, bank, agreement: a, owner, input, grant, used };
}

describe("R6: the agreement's credit line", () => {
  it('accepts a grant that exactly reaches the line and refuses 0.01 more (CREDIT_LINE_EXCEEDED, nothing written)', async () => {
    await inRollback(async (m) => {
      const { owner, input, grant, used, institution } = await setUp(m, { creditLine: '1000000.00', usedCredit: '200000.00' });
      await grant({ loanAmount: '800000.00', guaranteedAmount: '800000.00' });
      expect(await used()).toBe('1000000.00');
      const over = await gql(m, owner, CREATE, { input: input({ guaranteedAmount: '0.01' }) });
      expect(codes(over)).toEqual(['CREDIT_LINE_EXCEEDED']);
      expect(over.errors?.[0].extensions?.rule).toBe('R6');
      expect(await used()).toBe('1000000.00');
      expect(await countRows(m, 'guarantee', 'institution_id = $1', [institution.id])).toBe(1);
    });
  });

  it('applies the agreement in force on the start day: signed that day and expiring that day count, the day before or after does not', async () => {
    await inRollback(async (m) => {
      const { grant, used, agreement } = await setUp(m, { bankRiskShare: '0.300000', signedOn: '2024-03-01', expiresOn: '2024-12-31' });
      const onSigning = await grant({ startOn: '2024-03-01' });
      const onExpiry = await grant({ startOn: '2024-12-31', endOn: '2025-12-31' });
      expect([onSigning.bankRiskShare, onExpiry.bankRiskShare]).toEqual(['0.300000', '0.300000']);
      expect(await used()).toBe('1600000.00');
      // Outside the agreement's term there is no agreement: the bank bears nothing by contract (share 0),
      // and no credit line applies, however large the guarantee.
      const before = await grant({ startOn: '2024-02-29' });
      const after = await grant({
        startOn: '2025-01-01',
        endOn: '2025-12-31',
        loanAmount: '900000000.00',
        guaranteedAmount: '900000000.00',
      });
      expect([before.bankRiskShare, after.bankRiskShare]).toEqual(['0.000000', '0.000000']);
      const rows = await m.query(`SELECT agreement_id FROM guarantee WHERE id = ANY($1)`, [[before.id, after.id]]);
      expect(rows).toEqual([{ agreement_id: null }, { agreement_id: null }]);
      expect(await used(agreement!.id)).toBe('1600000.00');
    });
  });

  it('puts new business under the latest signed of overlapping agreements (a renewal)', async () => {
    await inRollback(async (m) => {
      const { institution, bank, grant, used, agreement } = await setUp(m, { bankRiskShare: '0.200000', signedOn: '2023-01-01' });
      const renewal = await createAgreement(
        m,
        { institutionId: institution.id, bankId: bank.id },
        { bankRiskShare: '0.400000', signedOn: '2024-01-01' },
      );
      expect((await grant({ startOn: '2023-06-01' })).bankRiskShare).toBe('0.200000');
      expect((await grant({ startOn: '2024-06-01' })).bankRiskShare).toBe('0.400000');
      expect([await used(agreement!.id), await used(renewal.id)]).toEqual(['800000.00', '800000.00']);
    });
  });

  it('needs no agreement at all: share 0, no agreement, no credit line', async () => {
    await inRollback(async (m) => {
      const { grant } = await setUp(m, null);
      expect((await grant()).bankRiskShare).toBe('0.000000');
    });
  });
});

describe("R1: 支小支农, with the borrower's in-force amount at the institution", () => {
  it('counts exactly 10,000,000.00 and not 10,000,000.01', async () => {
    await inRollback(async (m) => {
      const { grant, institution, bank } = await setUp(m, { creditLine: '100000000.00' });
      const borrower = await createBorrower(m, institution.id);
      await createGuarantee(
        m,
        { institutionId: institution.id, bankId: bank.id, borrowerId: borrower.id },
        { loanAmount: '9000000.00', guaranteedAmount: '9000000.00' },
      );
      const b = { identifier: borrower.identifier, kind: 'SMALL_ENTERPRISE' };
      const atCap = await grant({ borrower: b, loanAmount: '1000000.00', guaranteedAmount: '1000000.00' });
      expect(atCap.smallAgri).toBe(true);
      const over = await grant({ borrower: b, loanAmount: '0.01', guaranteedAmount: '0.01' });
      expect(over.smallAgri).toBe(false);
    });
  });

  it('with a fresh borrower: one guarantee of 10,000,000.00 counts, 10,000,000.01 does not', async () => {
    await inRollback(async (m) => {
      const { grant } = await setUp(m, { creditLine: '100000000.00' });
      expect((await grant({ loanAmount: '10000000.00', guaranteedAmount: '10000000.00' })).smallAgri).toBe(true);
      expect((await grant({ loanAmount: '10000000.01', guaranteedAmount: '10000000.01' })).smallAgri).toBe(false);
    });
  });

  it('counts only ACTIVE guarantees at this institution', async () => {
    await inRollback(async (m) => {
      const { grant, institution, bank } = await setUp(m, { creditLine: '100000000.00' });
      const other = await createInstitution(m);
      const borrower = await createBorrower(m, institution.id, { identifier: validCreditCode() });
      // The same household at another institution: its own row there, never counted here.
      const elsewhere = await createBorrower(m, other.id, { identifier: borrower.identifier });
      const refs = { bankId: bank.id, borrowerId: borrower.id };
      await createGuarantee(
        m,
        { institutionId: institution.id, ...refs },
        { loanAmount: '9000000.00', guaranteedAmount: '9000000.00', status: 'RELEASED' },
      );
      await createGuarantee(
        m,
        { institutionId: institution.id, ...refs },
        { loanAmount: '9000000.00', guaranteedAmount: '9000000.00', status: 'COMPENSATED' },
      );
      await createGuarantee(
        m,
        { institutionId: other.id, bankId: bank.id, borrowerId: elsewhere.id },
        { loanAmount: '9000000.00', guaranteedAmount: '9000000.00' },
      );
      expect(
        (await grant({ borrower: { identifier: borrower.identifier }, loanAmount: '9000000.00', guaranteedAmount: '9000000.00' }))
          .smallAgri,
      ).toBe(true);
    });
  });

  it.each([
    ['SMALL_ENTERPRISE', 'LOAN', true],
    ['MICRO_ENTERPRISE', 'LOAN', true],
    ['INDIVIDUAL_BUSINESS', 'OTHER_FINANCING', true],
    ['FARMER', 'LOAN', true],
    ['FAMILY_FARM', 'LOAN', true],
    ['FARMER_COOPERATIVE', 'LOAN', true],
    ['AGRICULTURAL_ENTERPRISE', 'LOAN', true],
    ['OTHER_ENTERPRISE', 'LOAN', false],
    ['SMALL_ENTERPRISE', 'BOND', false],
    ['FARMER', 'BOND', false],
  ])('a %s borrower with a %s guarantee is 支小支农: %s', async (borrowerKind, kind, expected) => {
    await inRollback(async (m) => {
      const { grant } = await setUp(m);
      expect((await grant({ kind, borrower: { kind: borrowerKind } })).smallAgri).toBe(expected);
    });
  });

  it('records 支小支农 business of at most 5,000,000 per household as small-household business in the monthly aggregate', async () => {
    await inRollback(async (m) => {
      const { grant, institution } = await setUp(m, { creditLine: '100000000.00' });
      const identifier = validCreditCode();
      await grant({ borrower: { identifier }, loanAmount: '5000000.00', guaranteedAmount: '5000000.00' });
      await grant({ borrower: { identifier }, loanAmount: '0.01', guaranteedAmount: '0.01' });
      const [s] = await m.query(`SELECT small_agri_amount, small_household_amount FROM business_month_stats WHERE institution_id = $1`, [
        institution.id,
      ]);
      expect(s).toEqual({ small_agri_amount: '5000000.01', small_household_amount: '5000000.00' });
    });
  });
});
