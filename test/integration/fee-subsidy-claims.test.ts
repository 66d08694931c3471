import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import type { Viewer } from '../../src/access/viewer';
import { businessToday } from '../../src/platform/lib/dates';
import { countRows, createBank, createGuarantee, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok, type GqlResult } from '../support/graphql';
import { countStatements } from '../support/statements';

/** 实施意见（八）, R8: the institution's annual fee-subsidy claim, decided by INDUSTRY and FINANCE, paid by FINANCE. */
const CLAIM = `id year status eligibleCount eligibleAmount subsidyRate subsidy paidOn institution { id } eligibleGuarantees { code reGuaranteed }`;
const SUBMIT = `mutation($institutionId: ID!, $year: Int!) { submitFeeSubsidyClaim(institutionId: $institutionId, year: $year) { ${CLAIM} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $note: String) { decideFeeSubsidyClaim(id: $id, approve: $approve, note: $note) { id status } }`;
const PAY = `mutation($id: ID!, $on: Date!) { markFeeSubsidyClaimPaid(id: $id, paidOn: $on) { id status paidOn } }`;
const CLAIMS = `query($institutionId: ID, $year: Int) { feeSubsidyClaims(institutionId: $institutionId, year: $year) { id year status } }`;
const ADD_VERSION = `mutation($input: PolicyParameterSetInput!) { addPolicyParameterSet(input: $input) { id } }`;

const LAST_YEAR = Number(businessToday().slice(0, 4)) - 1;
const finance = viewer(Role.FINANCE);
const industry = viewer(Role.INDUSTRY);

/**
 * An institution whose LAST_YEAR business has two eligible guarantees (A at exactly 1%, E released since) of
 * 1,001,001.00 in all, beside one just over 1%, one not re-guaranteed, one not 支小支农, business of the years around
 * it and another institution's. The rate in force on 31 December of LAST_YEAR is 0.5%.
 */
async function scenario(m: EntityManager) {
  const county = await regionId(m, '371521');
  const inst = await createInstitution(m, { level: 'COUNTY', regionId: county });
  const other = await createInstitution(m, { regionId: county });
  const bank = await createBank(m);
  const g = (code: string, o: Parameters<typeof createGuarantee>[2], institutionId = inst.id) =>
    createGuarantee(m, { institutionId, bankId: bank.id }, { code, regionId: county, reGuaranteed: true, loanAmount: '9000000.00', ...o });
  await g('A', { feeRate: '0.010000', guaranteedAmount: '1000000.00', startOn: `${LAST_YEAR}-01-01` });
  await g('B', { feeRate: '0.010001', guaranteedAmount: '2000000.00', startOn: `${LAST_YEAR}-02-01` });
  await g('C', { feeRate: '0.008000', guaranteedAmount: '3000000.00', startOn: `${LAST_YEAR}-08-01`, reGuaranteed: false });
  await g('D', { feeRate: '0.005000', guaranteedAmount: '4000000.00', startOn: `${LAST_YEAR}-03-01`, smallAgri: false });
  await g('E', { feeRate: '0.005000', guaranteedAmount: '1001.00', startOn: `${LAST_YEAR}-12-31`, status: 'RELEASED' });
  await g('F', { guaranteedAmount: '5000000.00', startOn: `${LAST_YEAR - 1}-12-31` });
  await g('G', { guaranteedAmount: '6000000.00', startOn: `${LAST_YEAR + 1}-01-01` });
  await g('H', { guaranteedAmount: '7000000.00', startOn: `${LAST_YEAR}-05-01` }, other.id);
  ok(
    await gql(m, finance, ADD_VERSION, { input: { effectiveFrom: `${LAST_YEAR}-12-31`, basis: '测试〔R8〕1号', feeSubsidyRate: '0.005' } }),
  );
  return { inst, other, county, owner: viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id }) };
}

const submit = async (m: EntityManager, who: Viewer, institutionId: string, year = LAST_YEAR) =>
  ok(await gql(m, who, SUBMIT, { institutionId, year })).submitFeeSubsidyClaim;
const decide = async (m: EntityManager, who: Viewer, id: string, approve: boolean) =>
  ok(await gql(m, who, DECIDE, { id, approve })).decideFeeSubsidyClaim.status;

/** Runs `op` expecting exactly `code` (and `field`), with none of the institution's claims written or changed. */
async function refused(m: EntityManager, institutionId: string, run: () => Promise<GqlResult>, code: string, field?: string) {
  const state = () =>
    m.query(
      `SELECT id, status, industry_decided_at, finance_decided_at, industry_note, finance_note, paid_on,
              (SELECT count(*)::int FROM fee_subsidy_claim_guarantee cg WHERE cg.claim_id = c.id) AS listed
       FROM fee_subsidy_claim c WHERE institution_id = $1 ORDER BY id`,
      [institutionId],
    );
  const before = await state();
  const result = await run();
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await state()).toEqual(before);
}

describe('submitFeeSubsidyClaim (实施意见（八）)', () => {
  it("freezes the year's eligible guarantees, their total and the subsidy at the rate in force on 31 December", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submit(m, s.owner, s.inst.id);
      expect(claim).toEqual({
        id: expect.any(String),
        year: LAST_YEAR,
        status: 'SUBMITTED',
        eligibleCount: 2,
        eligibleAmount: '1001001.00',
        subsidyRate: '0.005000',
        // 1,001,001.00 × 0.5% = 5,005.005 → 5,005.01
        subsidy: '5005.01',
        paidOn: null,
        institution: { id: s.inst.id },
        eligibleGuarantees: [
          { code: 'A', reGuaranteed: true },
          { code: 'E', reGuaranteed: true },
        ],
      });
      const [audit] = await m.query(
        `SELECT outcome, actor_role FROM audit_log WHERE operation = 'submitFeeSubsidyClaim' AND actor_sub = $1`,
        [s.owner.sub],
      );
      expect(audit).toEqual({ outcome: 'ACCEPTED', actor_role: 'GUARANTEE_INSTITUTION' });

      // Frozen: C re-guaranteed later changes neither the figures nor the listing.
      await m.query(`UPDATE guarantee SET re_guaranteed = true WHERE institution_id = $1 AND code = 'C'`, [s.inst.id]);
      const [read] = ok(
        await gql(m, finance, `query($y: Int) { feeSubsidyClaims(year: $y) { ${CLAIM} } }`, { y: LAST_YEAR }),
      ).feeSubsidyClaims.filter((c: { id: string }) => c.id === claim.id);
      expect(read).toEqual(claim);
    });
  });

  it('judges each guarantee by the conditions of the version governing its start: re-guarantee required only while it is', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const bank = await createBank(m);
      await createGuarantee(
        m,
        { institutionId: s.inst.id, bankId: bank.id },
        {
          code: 'C0',
          regionId: s.county,
          loanAmount: '10.00',
          feeRate: '0.008000',
          guaranteedAmount: '10.00',
          startOn: `${LAST_YEAR}-03-01`,
        },
      );
      const input = { effectiveFrom: `${LAST_YEAR}-07-01`, basis: '测试〔R8〕2号', feeSubsidyRequiresReGuarantee: false };
      ok(await gql(m, finance, ADD_VERSION, { input }));
      const claim = await submit(m, s.owner, s.inst.id);
      // C (August, not re-guaranteed) now counts; C0 (March, before the change, not re-guaranteed) does not.
      expect(claim.eligibleGuarantees.map((g: { code: string }) => g.code)).toEqual(['A', 'C', 'E']);
      expect([claim.eligibleAmount, claim.subsidy]).toEqual(['4001001.00', '20005.01']);
    });
  });

  it('refuses a year not completed, before the policy, or out of range (BAD_USER_INPUT year), and another institution (NOT_FOUND); nothing written', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      for (const year of [LAST_YEAR + 1, LAST_YEAR + 2, 2022, 1999]) {
        await refused(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year }), 'BAD_USER_INPUT', 'year');
      }
      await refused(m, s.other.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.other.id, year: LAST_YEAR }), 'NOT_FOUND');
      expect(codes(await gql(m, finance, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }))).toEqual(['FORBIDDEN']);
      expect(await countRows(m, 'fee_subsidy_claim', 'institution_id = ANY($1)', [[s.inst.id, s.other.id]])).toBe(0);
      const [audit] = await m.query(
        `SELECT outcome, error_code FROM audit_log WHERE operation = 'submitFeeSubsidyClaim' AND actor_sub = $1 LIMIT 1`,
        [s.owner.sub],
      );
      expect(audit).toEqual({ outcome: 'REJECTED', error_code: 'BAD_USER_INPUT' });
    });
  });
});

describe('decideFeeSubsidyClaim and markFeeSubsidyClaimPaid', () => {
  it('approves once both departments approved, in either order; a department deciding twice is CONFLICT', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const first = await submit(m, s.owner, s.inst.id);
      expect(await decide(m, industry, first.id, true)).toBe('SUBMITTED');
      await refused(m, s.inst.id, () => gql(m, industry, DECIDE, { id: first.id, approve: true }), 'CONFLICT');
      await refused(m, s.inst.id, () => gql(m, industry, DECIDE, { id: first.id, approve: false }), 'CONFLICT');
      expect(await decide(m, finance, first.id.toUpperCase(), true)).toBe('APPROVED');
      await refused(m, s.inst.id, () => gql(m, finance, DECIDE, { id: first.id, approve: true }), 'CONFLICT');

      const owner2 = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.other.id });
      const second = await submit(m, owner2, s.other.id);
      expect(await decide(m, finance, second.id, true)).toBe('SUBMITTED');
      await refused(m, s.other.id, () => gql(m, finance, DECIDE, { id: second.id, approve: false }), 'CONFLICT');
      expect(await decide(m, industry, second.id, true)).toBe('APPROVED');
      const [row] = await m.query(
        `SELECT industry_decided_at IS NOT NULL AS i, finance_decided_at IS NOT NULL AS f FROM fee_subsidy_claim WHERE id = $1`,
        [second.id],
      );
      expect(row).toEqual({ i: true, f: true });
    });
  });

  it('rejects when either department rejects; a rejected claim may be submitted again, an open or approved one may not', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submit(m, s.owner, s.inst.id);
      await refused(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'CONFLICT');
      expect(await decide(m, industry, claim.id, true)).toBe('SUBMITTED');
      await refused(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'CONFLICT');
      expect(ok(await gql(m, finance, DECIDE, { id: claim.id, approve: false, note: '资料不全' })).decideFeeSubsidyClaim.status).toBe(
        'REJECTED',
      );
      await refused(m, s.inst.id, () => gql(m, industry, DECIDE, { id: claim.id, approve: true }), 'CONFLICT');
      const [notes] = await m.query(`SELECT finance_note, industry_note FROM fee_subsidy_claim WHERE id = $1`, [claim.id]);
      expect(notes).toEqual({ finance_note: '资料不全', industry_note: null });

      const again = await submit(m, s.owner, s.inst.id);
      expect(again.id).not.toBe(claim.id);
      expect(await decide(m, industry, again.id, false)).toBe('REJECTED');
      const third = await submit(m, s.owner, s.inst.id);
      await decide(m, finance, third.id, true);
      await decide(m, industry, third.id, true);
      await refused(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'CONFLICT');
      const listed = ok(await gql(m, s.owner, CLAIMS, { institutionId: s.inst.id, year: LAST_YEAR })).feeSubsidyClaims;
      expect(listed.map((c: { status: string }) => c.status).sort()).toEqual(['APPROVED', 'REJECTED', 'REJECTED']);
    });
  });

  it('FINANCE pays an approved claim once, on a day not in the future; anything else is refused and writes nothing', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submit(m, s.owner, s.inst.id);
      const today = businessToday();
      await refused(m, s.inst.id, () => gql(m, finance, PAY, { id: claim.id, on: today }), 'CONFLICT');
      await decide(m, industry, claim.id, true);
      await decide(m, finance, claim.id, true);
      await refused(m, s.inst.id, () => gql(m, finance, PAY, { id: claim.id, on: '2999-01-01' }), 'BAD_USER_INPUT', 'paidOn');
      // The approval was today: a day before it is refused too.
      await refused(m, s.inst.id, () => gql(m, finance, PAY, { id: claim.id, on: `${LAST_YEAR}-12-31` }), 'BAD_USER_INPUT', 'paidOn');
      expect(codes(await gql(m, industry, PAY, { id: claim.id, on: today }))).toEqual(['FORBIDDEN']);
      expect(ok(await gql(m, finance, PAY, { id: claim.id, on: today })).markFeeSubsidyClaimPaid).toEqual({
        id: claim.id,
        status: 'PAID',
        paidOn: today,
      });
      await refused(m, s.inst.id, () => gql(m, finance, PAY, { id: claim.id, on: today }), 'CONFLICT');
      await refused(m, s.inst.id, () => gql(m, finance, DECIDE, { id: claim.id, approve: false }), 'CONFLICT');
    });
  });

  it('is read and decided within scope: the institution its own, a county department its county, others NOT_FOUND', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submit(m, s.owner, s.inst.id);
      const ids = async (who: Viewer) =>
        ok(await gql(m, who, CLAIMS, { year: LAST_YEAR })).feeSubsidyClaims.map((c: { id: string }) => c.id);
      const elsewhere = await regionId(m, '371502');
      expect(await ids(s.owner)).toEqual([claim.id]);
      expect(await ids(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.other.id }))).toEqual([]);
      expect(await ids(viewer(Role.LOCAL_GOVERNMENT, { regionId: s.county }))).toContain(claim.id);
      expect(await ids(viewer(Role.LOCAL_GOVERNMENT, { regionId: elsewhere }))).not.toContain(claim.id);
      expect(await ids(finance)).toContain(claim.id);
      const countyFinance = viewer(Role.FINANCE, { regionId: elsewhere });
      await refused(m, s.inst.id, () => gql(m, countyFinance, DECIDE, { id: claim.id, approve: true }), 'NOT_FOUND');
      expect(codes(await gql(m, viewer(Role.BANK, { bankId: s.inst.id }), CLAIMS, {}))).toEqual(['FORBIDDEN']);
      await refused(
        m,
        s.inst.id,
        () => gql(m, industry, DECIDE, { id: claim.id, approve: true, note: 'x'.repeat(2001) }),
        'BAD_USER_INPUT',
        'note',
      );
    });
  });

  it("reads claims with their eligible guarantees and those guarantees' relations in a fixed number of statements (no N+1)", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      await submit(m, s.owner, s.inst.id);
      await submit(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.other.id }), s.other.id);
      const READ = `query($i: ID, $y: Int) { feeSubsidyClaims(institutionId: $i, year: $y) { id institution { id } eligibleGuarantees { code bank { id } institution { id } } } }`;
      const one = await countStatements(m, () => gql(m, finance, READ, { i: s.inst.id, y: LAST_YEAR }));
      const two = await countStatements(m, () => gql(m, viewer(Role.LOCAL_GOVERNMENT, { regionId: s.county }), READ, { y: LAST_YEAR }));
      expect(ok(one.result).feeSubsidyClaims).toHaveLength(1);
      const both = ok(two.result).feeSubsidyClaims.filter((c: { institution: { id: string } }) =>
        [s.inst.id, s.other.id].includes(c.institution.id),
      );
      expect(both.flatMap((c: { eligibleGuarantees: { code: string }[] }) => c.eligibleGuarantees.map((g) => g.code)).sort()).toEqual([
        'A',
        'E',
        'H',
      ]);
      expect(two.statements.length).toBe(one.statements.length);
    });
  });
});
