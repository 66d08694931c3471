import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { businessToday } from '../../src/platform/lib/dates';
import { createAgreement, createBank, createGuarantee, createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { codes, gql, ok } from '../support/graphql';

/** R17 预警 and R18 督导名单, from the aggregate, the in-force balances, the agreements and the reports. */
const WARNINGS = `query($asOf: Date, $institutionId: ID, $minLevel: WarningLevel) {
  warnings(asOf: $asOf, institutionId: $institutionId, minLevel: $minLevel) {
    indicator level value threshold message institution { id } agreement { id } } }`;
const LIST = `query($month: String!) { supervisionList(month: $month) {
  institution { id } month reportOverdue reasons redWarnings { indicator } } }`;
const YEAR = Number(businessToday().slice(0, 4)) - 1;
const AS_OF = `${YEAR}-06-15`;

async function report(m: EntityManager, institutionId: string, month: string, submittedOn: string) {
  await m.query(
    `INSERT INTO monthly_report (institution_id, month, version, new_count, new_amount, outstanding_balance, compensated_amount,
       submitted_by, submitted_at) VALUES ($1, $2, 1, 0, 0, 0, 0, 'test', $3)`,
    [institutionId, month, `${submittedOn}T12:00:00+08`],
  );
}

/** An institution of 1,000,000 net assets: 70% 支小支农 this year, a borrower of 150,000, an agreement 95% used at a 10% bank share. */
async function troubled(m: EntityManager) {
  const inst = await createInstitution(m, { netAssets: '1000000.00' });
  const bank = await createBank(m);
  const agreement = await createAgreement(
    m,
    { institutionId: inst.id, bankId: bank.id },
    { creditLine: '1000000.00', usedCredit: '950000.00', bankRiskShare: '0.100000', exceptionReason: '试点' },
  );
  const key = { institutionId: inst.id, bankId: bank.id, regionId: inst.regionId };
  const flow = { feeRate: '0.008000', smallHousehold: true };
  await new LedgerRepo(m).addNewBusiness(key, { ...flow, startOn: `${YEAR}-03-01`, guaranteedAmount: '700000.00', smallAgri: true });
  await new LedgerRepo(m).addNewBusiness(key, { ...flow, startOn: `${YEAR}-04-01`, guaranteedAmount: '300000.00', smallAgri: false });
  await createGuarantee(
    m,
    { institutionId: inst.id, bankId: bank.id },
    { startOn: `${YEAR}-03-01`, guaranteedAmount: '150000.00', loanAmount: '150000.00' },
  );
  return { inst, agreement };
}

describe('warnings (R17)', () => {
  it('raises each indicator past or near its threshold, RED first, and filters by level', async () => {
    await inRollback(async (m) => {
      const { inst, agreement } = await troubled(m);
      const found = ok(await gql(m, viewer(Role.TASK_FORCE_OFFICE), WARNINGS, { asOf: AS_OF, institutionId: inst.id })).warnings;
      const brief = found.map((w: { indicator: string; level: string; value: string | null; threshold: string | null }) => [
        w.indicator,
        w.level,
        w.value,
        w.threshold,
      ]);
      expect(brief).toEqual([
        ['SMALL_AGRI_SHARE', 'RED', '0.700000', '0.800000'],
        ['SINGLE_BORROWER_CONCENTRATION', 'RED', '0.150000', '0.100000'],
        // May's report was due on 10 June and is missing on 15 June.
        ['REPORT_OVERDUE', 'RED', null, null],
        ['CREDIT_LINE_USAGE', 'YELLOW', '0.950000', '0.900000'],
        ['BANK_RISK_SHARE_EXCEPTION', 'YELLOW', '0.100000', '0.200000'],
      ]);
      expect(found[3].agreement).toEqual({ id: agreement.id });
      expect(found[0].message).toContain('70.00%');
      const red = ok(await gql(m, viewer(Role.FINANCE), WARNINGS, { asOf: AS_OF, institutionId: inst.id, minLevel: 'RED' })).warnings;
      expect(red.map((w: { level: string }) => w.level)).toEqual(['RED', 'RED', 'RED']);
    });
  });

  it('an institution reads its own warnings only; SASAC reads them without the agreement it may not see', async () => {
    await inRollback(async (m) => {
      const { inst } = await troubled(m);
      const other = await troubled(m);
      const own = ok(await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id }), WARNINGS, { asOf: AS_OF })).warnings;
      expect(new Set(own.map((w: { institution: { id: string } }) => w.institution.id))).toEqual(new Set([inst.id]));
      const theirs = await gql(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: inst.id }), WARNINGS, {
        asOf: AS_OF,
        institutionId: other.inst.id,
      });
      expect(ok(theirs).warnings).toEqual([]);
      const sasac = ok(await gql(m, viewer(Role.SASAC), WARNINGS, { asOf: AS_OF, institutionId: inst.id })).warnings;
      expect(sasac.find((w: { indicator: string }) => w.indicator === 'CREDIT_LINE_USAGE').agreement).toBeNull();
    });
  });

  it('refuses a date in the future or before the policy with its field', async () => {
    await inRollback(async (m) => {
      for (const asOf of ['2999-01-01', '2022-12-31']) {
        const result = await gql(m, viewer(Role.FINANCE), WARNINGS, { asOf });
        expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'asOf']);
      }
    });
  });
});

describe('supervisionList (R18)', () => {
  it("lists a missing or late report and RED warnings at the month's end, with reasons in words", async () => {
    await inRollback(async (m) => {
      const month = `${YEAR}-05`;
      const missing = await createInstitution(m);
      const late = await createInstitution(m);
      const punctual = await createInstitution(m);
      for (const inst of [late, punctual]) await report(m, inst.id, `${YEAR}-04`, `${YEAR}-05-08`);
      await report(m, late.id, month, `${YEAR}-06-12`);
      await report(m, punctual.id, month, `${YEAR}-06-10`);
      const entries = ok(await gql(m, viewer(Role.TASK_FORCE_OFFICE), LIST, { month })).supervisionList;
      const of = (id: string) => entries.find((e: { institution: { id: string } }) => e.institution.id === id);
      expect(of(punctual.id)).toBeUndefined();
      expect(of(late.id)).toMatchObject({ month, reportOverdue: true, redWarnings: [] });
      expect(of(late.id).reasons).toEqual([`${YEAR}年5月月报逾期报送（应于${YEAR}-06-10前报送，实际${YEAR}-06-12）`]);
      expect(of(missing.id).reportOverdue).toBe(true);
      // April's report was never filed either: a RED warning at the end of May.
      expect(of(missing.id).redWarnings.map((w: { indicator: string }) => w.indicator)).toEqual(['REPORT_OVERDUE']);
      expect(of(missing.id).reasons).toHaveLength(2);
    });
  });

  it('refuses a malformed or future month', async () => {
    await inRollback(async (m) => {
      for (const month of ['2025-13', '2999-01']) {
        const result = await gql(m, viewer(Role.TASK_FORCE_OFFICE), LIST, { month });
        expect([codes(result), result.errors?.[0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'month']);
      }
    });
  });
});
