import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import type { Viewer } from '../../src/access/viewer';
import { businessToday } from '../../src/platform/lib/dates';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { quoteRiskCompensation } from '../../src/modules/risk-compensation/risk-compensation.calc';
import { CITY_2023_TIERS } from '../../src/modules/policy/policy.seed';
import { countRows, createBank, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok, type GqlResult } from '../support/graphql';

/** 实施意见（七）, R7: the municipal institution's annual claim, frozen at submission, decided by FINANCE or INDUSTRY. */
const QUOTE = `releasedAmount compensatedAmount compensationRate payout tiers { fromRate toRate ratio base payout }`;
const CLAIM = `id year status institution { id name } quote { ${QUOTE} }`;
const SUBMIT = `mutation($institutionId: ID!, $year: Int!) { submitRiskCompensationClaim(institutionId: $institutionId, year: $year) { ${CLAIM} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $note: String) { decideRiskCompensationClaim(id: $id, approve: $approve, note: $note) { ${CLAIM} } }`;
const CLAIMS = `query($institutionId: ID, $year: Int) { riskCompensationClaims(institutionId: $institutionId, year: $year) { id year status } }`;
const PREVIEW = `query($r: Decimal!, $c: Decimal!) { riskCompensationPreview(releasedAmount: $r, compensatedAmount: $c) { ${QUOTE} } }`;

const LAST_YEAR = Number(businessToday().slice(0, 4)) - 1;

/**
 * A MUNICIPAL institution whose LAST_YEAR releases are 1,000,000.00 and compensations 50,000.00 (rate 5%),
 * spread over two banks and several months, with business of the years around it and of another institution
 * that must not count.
 */
async function scenario(m: EntityManager, level: 'MUNICIPAL' | 'COUNTY' = 'MUNICIPAL') {
  const inst = await createInstitution(m, { level });
  const other = await createInstitution(m);
  const [b1, b2] = [await createBank(m), await createBank(m)];
  const key = (institutionId: string, bankId: string) => ({ institutionId, bankId, regionId: inst.regionId });
  await new LedgerRepo(m).addReleased(key(inst.id, b1.id), `${LAST_YEAR}-01-01`, '600000.00');
  await new LedgerRepo(m).addReleased(key(inst.id, b2.id), `${LAST_YEAR}-12-31`, '400000.00');
  await new LedgerRepo(m).addCompensated(key(inst.id, b1.id), `${LAST_YEAR}-06-10`, '30000.00');
  await new LedgerRepo(m).addCompensated(key(inst.id, b2.id), `${LAST_YEAR}-12-31`, '20000.00');
  await new LedgerRepo(m).addReleased(key(inst.id, b1.id), `${LAST_YEAR - 1}-12-31`, '5000000.00');
  await new LedgerRepo(m).addCompensated(key(inst.id, b1.id), `${LAST_YEAR + 1}-01-01`, '900000.00');
  await new LedgerRepo(m).addCompensated(key(other.id, b1.id), `${LAST_YEAR}-06-10`, '70000.00');
  return { inst, other, owner: viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id }) };
}

const claimsOf = (m: EntityManager, institutionId: string) =>
  countRows(m, 'risk_compensation_claim', 'institution_id = $1', [institutionId]);

async function submitted(m: EntityManager, who: Viewer, institutionId: string, year = LAST_YEAR) {
  return ok(await gql(m, who, SUBMIT, { institutionId, year })).submitRiskCompensationClaim;
}

/** Runs `op` expecting exactly `code` (and `field`), with no claim of the institution written or changed. */
async function rejected(m: EntityManager, institutionId: string, run: () => Promise<GqlResult>, code: string, field?: string) {
  const before = await m.query(
    `SELECT id, status, decided_at, decision_note FROM risk_compensation_claim WHERE institution_id = $1 ORDER BY id`,
    [institutionId],
  );
  const result = await run();
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(
    await m.query(`SELECT id, status, decided_at, decision_note FROM risk_compensation_claim WHERE institution_id = $1 ORDER BY id`, [
      institutionId,
    ]),
  ).toEqual(before);
}

describe('submitRiskCompensationClaim (实施意见（七）)', () => {
  it("freezes the quote of the calculation over the year's aggregate of the institution itself", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      const expected = quoteRiskCompensation('1000000.00', '50000.00', CITY_2023_TIERS, 'PROGRESSIVE');
      expect(claim).toMatchObject({ year: LAST_YEAR, status: 'SUBMITTED', institution: { id: s.inst.id, name: s.inst.name } });
      expect(claim.quote).toEqual({
        releasedAmount: expected.releasedAmount,
        compensatedAmount: expected.compensatedAmount,
        compensationRate: '0.050000',
        payout: '38000.00',
        tiers: expected.tiers,
      });
      const [row] = await m.query(`SELECT mode, payout, compensation_rate, submitted_by FROM risk_compensation_claim WHERE id = $1`, [
        claim.id,
      ]);
      expect(row).toEqual({ mode: 'PROGRESSIVE', payout: '38000.00', compensation_rate: '0.050000', submitted_by: s.owner.sub });
    });
  });

  it('keeps the frozen quote when the aggregate changes later', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      const bank = await createBank(m);
      await new LedgerRepo(m).addCompensated(
        { institutionId: s.inst.id, bankId: bank.id, regionId: s.inst.regionId },
        `${LAST_YEAR}-07-01`,
        '40000.00',
      );
      const [read] = ok(
        await gql(m, viewer(Role.FINANCE), `query($y: Int) { riskCompensationClaims(year: $y) { id quote { payout } } }`, { y: LAST_YEAR }),
      ).riskCompensationClaims.filter((c: { id: string }) => c.id === claim.id);
      expect(read.quote.payout).toBe('38000.00');
    });
  });

  it("uses the mode of the parameter set in force on the year's last day (R14)", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      await m.query(
        `INSERT INTO policy_parameter_set (effective_on, source, compensation_mode, max_household_amount, small_agri_target_share, small_household_amount, small_household_target_share, fee_rate_target, min_bank_risk_share,
           compensation_tiers, subsidy_max_fee_rate, fee_subsidy_rate, leverage_small_loan_amount, leverage_farmer_loan_amount, leverage_small_weight,
           leverage_bond_weight, leverage_cap, leverage_cap_focused)
         SELECT $1::date, 'test: FLAT_CAPPED', 'FLAT_CAPPED', max_household_amount, small_agri_target_share, small_household_amount, small_household_target_share, fee_rate_target, min_bank_risk_share,
           compensation_tiers, subsidy_max_fee_rate, fee_subsidy_rate, leverage_small_loan_amount, leverage_farmer_loan_amount, leverage_small_weight,
           leverage_bond_weight, leverage_cap, leverage_cap_focused
           FROM policy_parameter_set WHERE effective_on = '2023-03-29'`,
        [`${LAST_YEAR}-12-31`],
      );
      const claim = await submitted(m, s.owner, s.inst.id);
      expect(claim.quote.payout).toBe('25000.00'); // rate exactly 5% → the whole 50,000 at 50%
      const [row] = await m.query(`SELECT mode FROM risk_compensation_claim WHERE id = $1`, [claim.id]);
      expect(row.mode).toBe('FLAT_CAPPED');
    });
  });

  it('is refused to other roles (FORBIDDEN, per the access matrix), nothing written', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      for (const role of [Role.FINANCE, Role.HOLDING_GROUP, Role.BANK]) {
        await rejected(
          m,
          s.inst.id,
          () => gql(m, viewer(role, { institutionId: s.inst.id }), SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }),
          'FORBIDDEN',
        );
      }
    });
  });

  it('treats another institution, or an id that is no uuid, as missing (NOT_FOUND), nothing written', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const intruder = viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.other.id });
      await rejected(m, s.inst.id, () => gql(m, intruder, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'NOT_FOUND');
      await rejected(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: 'not-a-uuid', year: LAST_YEAR }), 'NOT_FOUND');
    });
  });

  it('refuses a COUNTY institution: R7 is for 市级担保机构 (POLICY_VIOLATION), nothing written', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m, 'COUNTY');
      await rejected(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'POLICY_VIOLATION');
    });
  });

  it('allows one open claim per institution and year (CONFLICT), a new one after a rejection', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const first = await submitted(m, s.owner, s.inst.id);
      await rejected(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR }), 'CONFLICT');
      expect(await claimsOf(m, s.inst.id)).toBe(1);
      ok(await gql(m, viewer(Role.INDUSTRY), DECIDE, { id: first.id, approve: false, note: '材料不全' }));
      const second = await submitted(m, s.owner, s.inst.id);
      expect(second.id).not.toBe(first.id);
      expect(await claimsOf(m, s.inst.id)).toBe(2);
    });
  });

  it.each([
    ['the current year (not complete)', 0, 'BAD_USER_INPUT', 'year'],
    ['a future year', 1, 'BAD_USER_INPUT', 'year'],
    ['a year before 2000', -(LAST_YEAR + 1 - 1999), 'BAD_USER_INPUT', 'year'],
    ['a year before any policy set (2022)', 2022 - (LAST_YEAR + 1), 'BAD_USER_INPUT', 'year'],
  ])('refuses %s, nothing written', async (_name, offset, code, field) => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      await rejected(m, s.inst.id, () => gql(m, s.owner, SUBMIT, { institutionId: s.inst.id, year: LAST_YEAR + 1 + offset }), code, field);
    });
  });
});

describe('decideRiskCompensationClaim and riskCompensationClaims', () => {
  it('FINANCE approves a SUBMITTED claim once; a second decision is a CONFLICT', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      const decided = ok(
        await gql(m, viewer(Role.FINANCE), DECIDE, { id: claim.id, approve: true, note: ' 同意补偿 ' }),
      ).decideRiskCompensationClaim;
      expect(decided).toMatchObject({ id: claim.id, status: 'APPROVED', quote: claim.quote });
      const [row] = await m.query(
        `SELECT decided_by_role, decision_note, decided_at IS NOT NULL AS at FROM risk_compensation_claim WHERE id = $1`,
        [claim.id],
      );
      expect(row).toEqual({ decided_by_role: 'FINANCE', decision_note: '同意补偿', at: true });
      await rejected(m, s.inst.id, () => gql(m, viewer(Role.INDUSTRY), DECIDE, { id: claim.id, approve: false }), 'CONFLICT');
    });
  });

  it('is refused to the institution and other roles (FORBIDDEN); a county-narrowed FINANCE of another region gets NOT_FOUND', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      for (const role of [Role.GUARANTEE_INSTITUTION, Role.TASK_FORCE_OFFICE, Role.SASAC]) {
        await rejected(
          m,
          s.inst.id,
          () => gql(m, viewer(role, { institutionId: s.inst.id }), DECIDE, { id: claim.id, approve: true }),
          'FORBIDDEN',
        );
      }
      const elsewhere = await regionId(m, '371522');
      expect(elsewhere).not.toBe(s.inst.regionId);
      await rejected(
        m,
        s.inst.id,
        () => gql(m, viewer(Role.FINANCE, { regionId: elsewhere }), DECIDE, { id: claim.id, approve: true }),
        'NOT_FOUND',
      );
      await rejected(m, s.inst.id, () => gql(m, viewer(Role.FINANCE), DECIDE, { id: 'nope', approve: true }), 'NOT_FOUND');
      const own = ok(
        await gql(m, viewer(Role.FINANCE, { regionId: s.inst.regionId }), DECIDE, { id: claim.id, approve: true }),
      ).decideRiskCompensationClaim;
      expect(own.status).toBe('APPROVED');
    });
  });

  it('refuses a note over 2000 characters (BAD_USER_INPUT on note), the claim unchanged', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      await rejected(
        m,
        s.inst.id,
        () => gql(m, viewer(Role.FINANCE), DECIDE, { id: claim.id, approve: true, note: '意'.repeat(2001) }),
        'BAD_USER_INPUT',
        'note',
      );
    });
  });

  it('lists claims by scope: the institution its own, another institution none, filters by institution and year', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const claim = await submitted(m, s.owner, s.inst.id);
      const ids = async (who: Viewer, vars: Record<string, unknown> = {}) =>
        (ok(await gql(m, who, CLAIMS, vars)).riskCompensationClaims as { id: string }[]).map((c) => c.id).filter((id) => id === claim.id);
      expect(await ids(s.owner)).toEqual([claim.id]);
      expect(await ids(viewer(Role.GUARANTEE_INSTITUTION, { institutionId: s.other.id }))).toEqual([]);
      expect(await ids(viewer(Role.INDUSTRY), { institutionId: s.inst.id, year: LAST_YEAR })).toEqual([claim.id]);
      expect(await ids(viewer(Role.INDUSTRY), { institutionId: s.inst.id, year: LAST_YEAR - 1 })).toEqual([]);
      expect(await ids(viewer(Role.TASK_FORCE_OFFICE), { institutionId: 'not-a-uuid' })).toEqual([]);
      expect(await ids(viewer(Role.LOCAL_GOVERNMENT, { regionId: await regionId(m, '371522') }))).toEqual([]);
      expect(codes(await gql(m, viewer(Role.BANK), CLAIMS))).toEqual(['FORBIDDEN']);
    });
  });
});

describe('riskCompensationPreview (测算)', () => {
  it('quotes with the policy in force today', async () => {
    await inRollback(async (m) => {
      const q = ok(await gql(m, viewer(Role.SASAC), PREVIEW, { r: '1000000.00', c: '80000.01' })).riskCompensationPreview;
      expect(q).toMatchObject({ compensationRate: '0.080000', payout: '53000.00' });
      expect(q.tiers).toHaveLength(5);
      expect(q.tiers[4]).toEqual({ fromRate: '0.080000', toRate: null, ratio: '0.000000', base: '0.01', payout: '0.00' });
      expect(ok(await gql(m, viewer(Role.FINANCE), PREVIEW, { r: '0', c: '0' })).riskCompensationPreview).toMatchObject({
        compensationRate: null,
        payout: '0.00',
      });
    });
  });

  it.each([
    ['-0.01', '0.00', 'releasedAmount'],
    ['100.001', '0.00', 'releasedAmount'],
    ['100.00', '-1', 'compensatedAmount'],
    ['100.00', '1.005', 'compensatedAmount'],
  ])('refuses released %s / compensated %s (BAD_USER_INPUT on %s)', async (r, c, field) => {
    await inRollback(async (m) => {
      const result = await gql(m, viewer(Role.FINANCE), PREVIEW, { r, c });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe(field);
    });
  });

  it('is refused to roles outside the matrix (FORBIDDEN)', async () => {
    await inRollback(async (m) => {
      expect(codes(await gql(m, viewer(Role.BANK), PREVIEW, { r: '1', c: '0' }))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(m, viewer(Role.PUBLIC_SECURITY), PREVIEW, { r: '1', c: '0' }))).toEqual(['FORBIDDEN']);
    });
  });
});
