import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { countRows, createBank, createBorrower, createGuarantee, createInstitution, regionId } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

const RECORD = `mutation($input: PerformanceEvaluationInput!) {
  recordPerformanceEvaluation(input: $input) {
    id year smallAgriShare averageFeeRate compensationRate leverage score grade evaluatorRole institution { id }
  }
}`;
const LIST = `query($institutionId: ID, $year: Int) { performanceEvaluations(institutionId: $institutionId, year: $year) { id year institution { id } } }`;

const sasac = viewer(Role.SASAC);
const finance = viewer(Role.FINANCE);

function input(institutionId: string, overrides: Record<string, unknown> = {}) {
  return { institutionId, year: 2024, score: '87.50', grade: 'GOOD', comment: '聚焦支小支农', ...overrides };
}

/** One month's aggregate cell as LedgerRepo keeps it (amounts in yuan). */
async function stats(
  m: EntityManager,
  key: { institutionId: string; bankId: string; regionId: string },
  month: string,
  cell: { newAmount: string; smallAgri: string; feeWeighted: string; released: string; compensated: string },
) {
  await m.query(
    `INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, new_count, new_amount, small_agri_count, small_agri_amount, fee_weighted_amount, released_amount, compensated_amount)
     VALUES ($1, $2, $3, $4, 1, $5, 1, $6, $7, $8, $9)`,
    [key.institutionId, key.bankId, key.regionId, month, cell.newAmount, cell.smallAgri, cell.feeWeighted, cell.released, cell.compensated],
  );
}

/**
 * A municipal institution with net assets 10,000,000 and 2024 business whose indicators are known:
 *  R3 3,400,000 / 4,000,000 = 0.85; R4 44,000 / 4,000,000 = 0.011; R7 60,000 / 2,000,000 = 0.03;
 *  R9 at 2024-12-31: small enterprise 3,000,000 + 2,000,000 (单户 5,000,000, ×0.75) = 3,750,000, farmer
 *  2,000,000.01 (over 2,000,000, ×1), bond 1,000,000 (×0.8) = 800,000, a loan released only in 2025 (×1)
 *  1,000,000 → 7,550,000.01 / 10,000,000 = 0.755000.
 */
async function municipalWithBusiness(m: EntityManager) {
  const inst = await createInstitution(m, { level: 'MUNICIPAL', netAssets: '10000000.00' });
  const [b1, b2] = [await createBank(m), await createBank(m)];
  const key = { institutionId: inst.id, regionId: inst.regionId };
  await stats(m, { ...key, bankId: b1.id }, '2024-03-01', {
    newAmount: '1000000.00',
    smallAgri: '800000.00',
    feeWeighted: '8000.00',
    released: '500000.00',
    compensated: '0.00',
  });
  await stats(m, { ...key, bankId: b2.id }, '2024-11-01', {
    newAmount: '3000000.00',
    smallAgri: '2600000.00',
    feeWeighted: '36000.00',
    released: '1500000.00',
    compensated: '60000.00',
  });
  // Outside the year: must not count.
  await stats(m, { ...key, bankId: b1.id }, '2023-12-01', {
    newAmount: '9000000.00',
    smallAgri: '0.00',
    feeWeighted: '900000.00',
    released: '100.00',
    compensated: '100.00',
  });
  await stats(m, { ...key, bankId: b1.id }, '2025-01-01', {
    newAmount: '9000000.00',
    smallAgri: '0.00',
    feeWeighted: '900000.00',
    released: '100.00',
    compensated: '100.00',
  });

  const refs = { institutionId: inst.id, bankId: b1.id };
  const small = await createBorrower(m, inst.id, { kind: 'SMALL_ENTERPRISE' });
  await createGuarantee(
    m,
    { ...refs, borrowerId: small.id },
    { loanAmount: '3000000.00', guaranteedAmount: '3000000.00', startOn: '2024-01-10' },
  );
  await createGuarantee(
    m,
    { ...refs, borrowerId: small.id },
    { loanAmount: '2000000.00', guaranteedAmount: '2000000.00', startOn: '2024-05-10' },
  );
  const farmer = await createBorrower(m, inst.id, { kind: 'FARMER' });
  await createGuarantee(
    m,
    { ...refs, borrowerId: farmer.id },
    { loanAmount: '2000000.01', guaranteedAmount: '2000000.01', startOn: '2024-02-01' },
  );
  const other = await createBorrower(m, inst.id, { kind: 'OTHER_ENTERPRISE' });
  await createGuarantee(
    m,
    { ...refs, borrowerId: other.id },
    { kind: 'BOND', loanAmount: '1000000.00', guaranteedAmount: '1000000.00', startOn: '2024-02-01' },
  );
  await createGuarantee(
    m,
    { ...refs, borrowerId: other.id },
    { loanAmount: '1000000.00', guaranteedAmount: '1000000.00', startOn: '2024-02-01', status: 'RELEASED', releasedOn: '2025-01-05' },
  );
  // Not in force at the end of 2024: released on its last day, or started after it.
  await createGuarantee(
    m,
    { ...refs, borrowerId: other.id },
    { loanAmount: '7000000.00', guaranteedAmount: '7000000.00', startOn: '2024-02-01', status: 'RELEASED', releasedOn: '2024-12-31' },
  );
  await createGuarantee(
    m,
    { ...refs, borrowerId: other.id },
    { loanAmount: '7000000.00', guaranteedAmount: '7000000.00', startOn: '2025-01-01' },
  );
  return inst;
}

/** Expects the call rejected with `code` (and `field`) and no evaluation written. */
async function rejected(
  m: EntityManager,
  who: ReturnType<typeof viewer>,
  institutionId: string,
  overrides: Record<string, unknown>,
  code: string,
  field?: string,
) {
  const before = await countRows(m, 'performance_evaluation', 'institution_id = $1', [institutionId]);
  const result = await gql(m, who, RECORD, { input: input(institutionId, overrides) });
  expect(codes(result)).toEqual([code]);
  if (field) expect(result.errors?.[0].extensions?.field).toBe(field);
  expect(await countRows(m, 'performance_evaluation', 'institution_id = $1', [institutionId])).toBe(before);
}

describe('recordPerformanceEvaluation (实施意见（九）绩效考核, R11)', () => {
  it("SASAC evaluates a municipal institution; the indicators are computed from the year's data (R3, R4, R7, R9)", async () => {
    await inRollback(async (m) => {
      const inst = await municipalWithBusiness(m);
      const { recordPerformanceEvaluation: e } = ok(await gql(m, sasac, RECORD, { input: input(inst.id) }));
      expect(e).toMatchObject({
        year: 2024,
        smallAgriShare: '0.850000',
        averageFeeRate: '0.011000',
        compensationRate: '0.030000',
        leverage: '0.775000',
        score: '87.50',
        grade: 'GOOD',
        evaluatorRole: 'SASAC',
        institution: { id: inst.id },
      });
      const [row] = await m.query(`SELECT comment, evaluator_role FROM performance_evaluation WHERE id = $1`, [e.id]);
      expect(row).toEqual({ comment: '聚焦支小支农', evaluator_role: 'SASAC' });
    });
  });

  it('without business or net assets the indicators are null, not zero', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m, { level: 'MUNICIPAL', netAssets: '0.00' });
      const { recordPerformanceEvaluation: e } = ok(
        await gql(m, sasac, RECORD, { input: input(inst.id, { score: '0', grade: 'FAIL', comment: null }) }),
      );
      expect(e).toMatchObject({
        smallAgriShare: null,
        averageFeeRate: null,
        compensationRate: null,
        leverage: null,
        score: '0.00',
        grade: 'FAIL',
      });
    });
  });

  it("FINANCE evaluates county institutions — a county finance bureau only its own county's", async () => {
    await inRollback(async (m) => {
      const home = await regionId(m, '371521');
      const own = await createInstitution(m, { level: 'COUNTY', regionId: home });
      const other = await createInstitution(m, { level: 'COUNTY', regionId: await regionId(m, '371522') });
      const county = viewer(Role.FINANCE, { regionId: home });
      expect(ok(await gql(m, county, RECORD, { input: input(own.id) })).recordPerformanceEvaluation.evaluatorRole).toBe('FINANCE');
      await rejected(m, county, other.id, {}, 'NOT_FOUND');
      expect(ok(await gql(m, finance, RECORD, { input: input(other.id) })).recordPerformanceEvaluation.evaluatorRole).toBe('FINANCE');
    });
  });

  it('the wrong evaluator for the level is FORBIDDEN; other roles are FORBIDDEN', async () => {
    await inRollback(async (m) => {
      const municipal = await createInstitution(m, { level: 'MUNICIPAL' });
      const countyInst = await createInstitution(m, { level: 'COUNTY', regionId: await regionId(m, '371521') });
      await rejected(m, finance, municipal.id, {}, 'FORBIDDEN');
      await rejected(m, sasac, countyInst.id, {}, 'FORBIDDEN');
      // The level refusal names its rule (the shield's role refusal does not): the access matrix tells them apart.
      expect((await gql(m, sasac, RECORD, { input: input(countyInst.id) })).errors?.[0].extensions?.rule).toBe('R11');
      expect((await gql(m, viewer(Role.INDUSTRY), RECORD, { input: input(countyInst.id) })).errors?.[0].extensions?.rule).toBeUndefined();
      for (const role of [Role.INDUSTRY, Role.LOCAL_GOVERNMENT, Role.TASK_FORCE_OFFICE, Role.FINANCIAL_REGULATOR]) {
        await rejected(m, viewer(role, { regionId: countyInst.regionId }), countyInst.id, {}, 'FORBIDDEN');
      }
      await rejected(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: municipal.id }), municipal.id, {}, 'FORBIDDEN');
      await rejected(m, sasac, '9d6c3c1e-0000-4000-8000-000000000000', {}, 'NOT_FOUND');
    });
  });

  it('one evaluation per institution and year: a second is CONFLICT, another year is fine', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m, { level: 'MUNICIPAL' });
      ok(await gql(m, sasac, RECORD, { input: input(inst.id) }));
      await rejected(m, sasac, inst.id, { score: '95', grade: 'EXCELLENT' }, 'CONFLICT');
      ok(await gql(m, sasac, RECORD, { input: input(inst.id, { year: 2023 }) }));
    });
  });

  it.each([
    [{ score: '100.01' }, 'score'],
    [{ score: '-1' }, 'score'],
    [{ score: '88.123' }, 'score'],
    [{ year: 1999 }, 'year'],
    [{ year: Number(businessToday().slice(0, 4)) + 1 }, 'year'],
    [{ comment: 'x'.repeat(2001) }, 'comment'],
  ])('bad input %j is BAD_USER_INPUT on %s, nothing written', async (overrides, field) => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m, { level: 'MUNICIPAL' });
      await rejected(m, sasac, inst.id, overrides, 'BAD_USER_INPUT', field);
    });
  });

  it('score 100 and 0 are accepted (bounds included)', async () => {
    await inRollback(async (m) => {
      const inst = await createInstitution(m, { level: 'MUNICIPAL' });
      expect(ok(await gql(m, sasac, RECORD, { input: input(inst.id, { score: '100' }) })).recordPerformanceEvaluation.score).toBe('100.00');
    });
  });
});

describe('performanceEvaluations', () => {
  it("filters by institution and year within the reader's scope", async () => {
    await inRollback(async (m) => {
      const a = await createInstitution(m, { level: 'MUNICIPAL' });
      const b = await createInstitution(m, { level: 'COUNTY', regionId: await regionId(m, '371521') });
      const a24 = ok(await gql(m, sasac, RECORD, { input: input(a.id) })).recordPerformanceEvaluation.id;
      const a23 = ok(await gql(m, sasac, RECORD, { input: input(a.id, { year: 2023 }) })).recordPerformanceEvaluation.id;
      const b24 = ok(await gql(m, finance, RECORD, { input: input(b.id) })).recordPerformanceEvaluation.id;
      const ids = (r: any) => r.performanceEvaluations.map((e: { id: string }) => e.id).sort();
      expect(ids(ok(await gql(m, sasac, LIST, { institutionId: a.id })))).toEqual([a23, a24].sort());
      expect(ids(ok(await gql(m, sasac, LIST, { institutionId: a.id, year: 2024 })))).toEqual([a24]);
      expect(ids(ok(await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: a.id }), LIST)))).toEqual([a23, a24].sort());
      const county = ids(ok(await gql(m, viewer(Role.LOCAL_GOVERNMENT, { regionId: b.regionId }), LIST)));
      expect(county).toContain(b24);
      expect(county).not.toContain(a24);
      expect(codes(await gql(m, viewer(Role.INDUSTRY), LIST))).toEqual(['FORBIDDEN']);
    });
  });
});
