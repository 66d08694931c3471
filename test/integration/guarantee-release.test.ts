import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { createAgreement, createBank, createGuarantee, createInstitution, guaranteeInput, regionId } from '../fixtures/business';
import { CREATE_GUARANTEE, RELEASE_GUARANTEE } from '../fixtures/guarantee-ops';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

async function granted(m: EntityManager) {
  const institution = await createInstitution(m);
  const bank = await createBank(m);
  await createAgreement(m, { institutionId: institution.id, bankId: bank.id }, { creditLine: '1000000.00' });
  const region = await regionId(m);
  const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
  const input = (o: Parameters<typeof guaranteeInput>[1] = {}) =>
    guaranteeInput({ institutionId: institution.id, bankId: bank.id, regionId: region }, o);
  const g = ok(
    await gql(m, owner, CREATE_GUARANTEE, {
      input: input({ loanAmount: '1000000.00', guaranteedAmount: '1000000.00', startOn: '2024-03-15' }),
    }),
  ).createGuarantee;
  const state = async () => {
    const [row] = await m.query(
      `SELECT g.status, g.released_on, a.used_credit, (SELECT coalesce(sum(released_amount), 0) FROM business_month_stats s WHERE s.institution_id = g.institution_id) AS released
         FROM guarantee g JOIN cooperation_agreement a ON a.id = g.agreement_id WHERE g.id = $1`,
      [g.id],
    );
    return row;
  };
  return { institution, bank, owner, input, g, state };
}

describe('releaseGuarantee (解保)', () => {
  it("releases an ACTIVE guarantee: its amount leaves the agreement's used credit and counts as released that month", async () => {
    await inRollback(async (m) => {
      const { owner, input, g, state, institution } = await granted(m);
      expect(codes(await gql(m, owner, CREATE_GUARANTEE, { input: input({ guaranteedAmount: '0.01' }) }))).toEqual([
        'CREDIT_LINE_EXCEEDED',
      ]);
      const { releaseGuarantee: r } = ok(await gql(m, owner, RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-09-30' }));
      expect(r).toEqual({ id: g.id, status: 'RELEASED', releasedOn: '2024-09-30' });
      expect(await state()).toEqual({ status: 'RELEASED', released_on: '2024-09-30', used_credit: '0.00', released: '1000000.00' });
      const [s] = await m.query(`SELECT released_amount FROM business_month_stats WHERE institution_id = $1 AND month = '2024-09-01'`, [
        institution.id,
      ]);
      expect(s.released_amount).toBe('1000000.00');
      // The line is free again, and the borrower's in-force amount no longer counts it (R1, R6).
      ok(await gql(m, owner, CREATE_GUARANTEE, { input: input({ loanAmount: '1000000.00', guaranteedAmount: '1000000.00' }) }));
    });
  });

  it('accepts release on the start day; refuses a day before the start or after today (BAD_USER_INPUT releasedOn, nothing changed)', async () => {
    await inRollback(async (m) => {
      const { owner, g, state } = await granted(m);
      const before = await state();
      const tomorrow = new Date(Date.parse(businessToday()) + 86_400_000).toISOString().slice(0, 10);
      for (const releasedOn of ['2024-03-14', tomorrow]) {
        const result = await gql(m, owner, RELEASE_GUARANTEE, { id: g.id, releasedOn });
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.field).toBe('releasedOn');
      }
      expect(await state()).toEqual(before);
      ok(await gql(m, owner, RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-03-15' }));
    });
  });

  it('refuses a guarantee that is not ACTIVE (CONFLICT), changing nothing', async () => {
    await inRollback(async (m) => {
      const { owner, g, state, institution, bank } = await granted(m);
      ok(await gql(m, owner, RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-09-30' }));
      const released = await state();
      expect(codes(await gql(m, owner, RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-10-31' }))).toEqual(['CONFLICT']);
      expect(await state()).toEqual(released);
      const compensated = await createGuarantee(
        m,
        { institutionId: institution.id, bankId: bank.id },
        { status: 'COMPENSATED', releasedOn: '2024-05-01' },
      );
      expect(codes(await gql(m, owner, RELEASE_GUARANTEE, { id: compensated.id, releasedOn: '2024-10-31' }))).toEqual(['CONFLICT']);
    });
  });

  it("is NOT_FOUND for another institution's or an unknown guarantee, FORBIDDEN to other roles", async () => {
    await inRollback(async (m) => {
      const { g, state, institution } = await granted(m);
      const before = await state();
      const other = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: (await createInstitution(m)).id });
      expect(codes(await gql(m, other, RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-09-30' }))).toEqual(['NOT_FOUND']);
      const owner = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id });
      expect(
        codes(await gql(m, owner, RELEASE_GUARANTEE, { id: '00000000-0000-4000-8000-000000000000', releasedOn: '2024-09-30' })),
      ).toEqual(['NOT_FOUND']);
      expect(codes(await gql(m, owner, RELEASE_GUARANTEE, { id: 'G-1', releasedOn: '2024-09-30' }))).toEqual(['NOT_FOUND']);
      for (const role of [Role.FINANCE, Role.BANK, Role.FINANCIAL_REGULATOR]) {
        expect(
          codes(await gql(m, viewer(role, { institutionId: institution.id }), RELEASE_GUARANTEE, { id: g.id, releasedOn: '2024-09-30' })),
        ).toEqual(['FORBIDDEN']);
      }
      expect(await state()).toEqual(before);
    });
  });
});
