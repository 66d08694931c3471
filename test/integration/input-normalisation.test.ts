import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { countOwnRows, countRows, createAgreement, createBank, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { CREATE_GUARANTEE as CREATE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

// Issue 8 item 8: an upper-case UUID of the caller's own institution gave NOT_FOUND; startOn 2999-12-31 was accepted.

async function setUp(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { bankRiskShare: '0.250000', creditLine: '100000000.00' });
  const region = await regionId(m, '371522');
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (overrides: Parameters<typeof guaranteeInput>[1] = {}) =>
    guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, overrides);
  const written = async () => ({
    guarantees: await countRows(m, 'guarantee', 'institution_id = $1', [institution.id]),
    borrowers: await countOwnRows(m, 'borrower'),
    stats: await countRows(m, 'business_month_stats', 'institution_id = $1', [institution.id]),
  });
  return { institution, bank, region, owner, input, written };
}

/** `today` moved by whole years, as YYYY-MM-DD (the 29th of February stays a real date: the 28th). */
function yearsFromToday(years: number): string {
  const [y, mo, d] = businessToday().split('-');
  return `${Number(y) + years}-${mo}-${mo === '02' && d === '29' ? '28' : d}`;
}

describe('UUID arguments are normalised', () => {
  it("an upper-case id of the caller's own institution, bank and region works, and reads back by an upper-case id", async () => {
    await inRollback(async (m) => {
      const { institution, bank, region, owner, input } = await setUp(m);
      const { createGuarantee: g } = ok(
        await gql(m, owner, CREATE, {
          input: input({
            institutionId: institution.id.toUpperCase(),
            bankId: bank.id.toUpperCase(),
            borrower: { regionId: region.toUpperCase() },
          }),
        }),
      );
      expect(g.institution.id).toBe(institution.id);
      expect(g.bank.id).toBe(bank.id);
      const [row] = await m.query(`SELECT institution_id, bank_id FROM guarantee WHERE id = $1`, [g.id]);
      expect(row).toEqual({ institution_id: institution.id, bank_id: bank.id });

      const read = ok(await gql(m, owner, `query ($id: ID!) { guarantee(id: $id) { id } }`, { id: g.id.toUpperCase() }));
      expect(read.guarantee).toEqual({ id: g.id });
    });
  });
});

describe('business dates lie in a window of today (from 2000-01-01; a start at most a year ahead, a maturity 30 years)', () => {
  it.each([
    ['startOn', { startOn: '2999-12-31', endOn: '2999-12-31' }],
    ['startOn', { startOn: yearsFromToday(2), endOn: yearsFromToday(3) }],
    ['startOn', { startOn: '1999-12-31' }],
    ['endOn', { endOn: yearsFromToday(31) }],
  ])('refuses %s of %j with BAD_USER_INPUT, nothing written', async (field, dates) => {
    await inRollback(async (m) => {
      const { owner, input, written } = await setUp(m);
      const before = await written();
      const result = await gql(m, owner, CREATE, { input: input(dates) });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
      expect(await written()).toEqual(before);
    });
  });

  it('accepts the edges: a start on 2000-01-01 and a ten-year maturity; a start a year ahead (a signed, future loan)', async () => {
    await inRollback(async (m) => {
      const { owner, input } = await setUp(m);
      ok(await gql(m, owner, CREATE, { input: input({ startOn: '2000-01-01', endOn: yearsFromToday(10) }) }));
      ok(await gql(m, owner, CREATE, { input: input({ startOn: yearsFromToday(1), endOn: yearsFromToday(2) }) }));
    });
  });
});
