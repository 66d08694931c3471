import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { businessToday } from '../../src/platform/lib/dates';
import { LedgerRepo } from '../../src/modules/ledger/ledger.repo';
import { countInAggregate, countOwnRows, createAgreement, createBank, createGuarantee, createInstitution } from '../fixtures/business';
import { viewer } from '../fixtures/viewers';
import { codes, gql, ok } from '../support/graphql';
import { inRollback } from '../support/db';

/** 实施意见（十二）, R13: the institution reports its month to the 专班办公室 and every partner bank is notified. */
const FIGURES =
  'id month version newCount newAmount outstandingBalance smallAgriShare averageFeeRate compensatedAmount submittedAt institution { id name }';
const SUBMIT = `mutation ($institutionId: ID!, $month: String!) { submitMonthlyReport(institutionId: $institutionId, month: $month) { ${FIGURES} } }`;
const LIST = `query ($institutionId: ID, $month: String) { monthlyReports(institutionId: $institutionId, month: $month) { ${FIGURES} } }`;

type Report = {
  id: string;
  month: string;
  version: number;
  newCount: number;
  newAmount: string;
  outstandingBalance: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  compensatedAmount: string;
  institution: { id: string };
};

/**
 * An institution with two partner banks (one under two agreements) and a bank it has no agreement with.
 * In the aggregate: Feb 500,000 granted, released in March; March 800,000 at 0.8% (支小支农) and 200,000
 * at 1.2%, 100,000 compensated; April 300,000, which March's figures must not include.
 */
async function scenario(m: EntityManager) {
  const institution = await createInstitution(m);
  const [bank1, bank2, stranger] = [await createBank(m), await createBank(m), await createBank(m)];
  await createAgreement(m, { institutionId: institution.id, bankId: bank1.id });
  await createAgreement(m, { institutionId: institution.id, bankId: bank1.id }, { signedOn: '2024-01-01' });
  await createAgreement(m, { institutionId: institution.id, bankId: bank2.id });
  const refs = { institutionId: institution.id, bankId: bank1.id };
  const feb = await countInAggregate(m, await createGuarantee(m, refs, { startOn: '2024-02-10', guaranteedAmount: '500000.00' }));
  await countInAggregate(
    m,
    await createGuarantee(m, refs, { startOn: '2024-03-05', guaranteedAmount: '800000.00', feeRate: '0.008000', smallAgri: true }),
  );
  await countInAggregate(
    m,
    await createGuarantee(
      m,
      { ...refs, bankId: bank2.id },
      { startOn: '2024-03-20', guaranteedAmount: '200000.00', feeRate: '0.012000', smallAgri: false },
    ),
  );
  await countInAggregate(m, await createGuarantee(m, refs, { startOn: '2024-04-02', guaranteedAmount: '300000.00' }));
  const key = { institutionId: institution.id, bankId: bank1.id, regionId: feb.regionId };
  await new LedgerRepo(m).addReleased(key, '2024-03-15', '500000.00');
  await new LedgerRepo(m).addCompensated(key, '2024-03-15', '100000.00');
  return { institution, bank1, bank2, stranger, key, owner: viewer(Role.GUARANTEE_INSTITUTION, { institutionId: institution.id }) };
}

const submit = (m: EntityManager, v: ReturnType<typeof viewer>, institutionId: string, month: string) =>
  gql<{ submitMonthlyReport: Report }>(m, v, SUBMIT, { institutionId, month });

async function written(m: EntityManager) {
  return { reports: await countOwnRows(m, 'monthly_report'), notifications: await countOwnRows(m, 'report_notification') };
}

describe('submitMonthlyReport', () => {
  it('freezes the figures the aggregate implies for the month', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const { submitMonthlyReport: r } = ok(await submit(m, s.owner, s.institution.id, '2024-03'));
      expect(r).toMatchObject({
        month: '2024-03',
        version: 1,
        newCount: 2,
        newAmount: '1000000.00',
        smallAgriShare: '0.800000',
        averageFeeRate: '0.008800', // (800000 × 0.008 + 200000 × 0.012) ÷ 1000000
        compensatedAmount: '100000.00',
        outstandingBalance: '1000000.00', // 500000 + 1000000 granted to date − 500000 released; April not yet
        institution: { id: s.institution.id },
      });
      // The balance at the end of April includes April's grant.
      const { submitMonthlyReport: april } = ok(await submit(m, s.owner, s.institution.id, '2024-04'));
      expect(april).toMatchObject({
        version: 1,
        newCount: 1,
        newAmount: '300000.00',
        outstandingBalance: '1300000.00',
        compensatedAmount: '0.00',
      });
    });
  });

  it('reports a month without business with null shares', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const { submitMonthlyReport: r } = ok(await submit(m, s.owner, s.institution.id, '2024-01'));
      expect(r).toMatchObject({
        newCount: 0,
        newAmount: '0.00',
        smallAgriShare: null,
        averageFeeRate: null,
        outstandingBalance: '0.00',
        compensatedAmount: '0.00',
      });
    });
  });

  it('keeps version 1 frozen and makes a resubmission version 2 with the figures of that moment', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const first = ok(await submit(m, s.owner, s.institution.id, '2024-03')).submitMonthlyReport;
      await countInAggregate(
        m,
        await createGuarantee(
          m,
          { institutionId: s.institution.id, bankId: s.bank2.id },
          { startOn: '2024-03-28', guaranteedAmount: '1000000.00', feeRate: '0.010000', smallAgri: true },
        ),
      );
      const second = ok(await submit(m, s.owner, s.institution.id, '2024-03')).submitMonthlyReport;
      expect(second).toMatchObject({
        version: 2,
        newCount: 3,
        newAmount: '2000000.00',
        smallAgriShare: '0.900000',
        averageFeeRate: '0.009400',
        outstandingBalance: '2000000.00',
      });
      const { monthlyReports } = ok(
        await gql<{ monthlyReports: Report[] }>(m, s.owner, LIST, { institutionId: s.institution.id, month: '2024-03' }),
      );
      expect(monthlyReports.map((r) => [r.version, r.newAmount])).toEqual([
        [2, '2000000.00'],
        [1, '1000000.00'],
      ]);
      expect(monthlyReports[1]).toEqual(first);
    });
  });

  it('notifies exactly the banks with an agreement with the institution, once each, per version', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const r1 = ok(await submit(m, s.owner, s.institution.id, '2024-03')).submitMonthlyReport;
      const r2 = ok(await submit(m, s.owner, s.institution.id, '2024-03')).submitMonthlyReport;
      for (const r of [r1, r2]) {
        const rows = await m.query(`SELECT bank_id FROM report_notification WHERE report_id = $1 ORDER BY bank_id`, [r.id]);
        expect(rows.map((x: { bank_id: string }) => x.bank_id)).toEqual([s.bank1.id, s.bank2.id].sort());
      }
      // The partner bank reads the reports; a bank without an agreement does not.
      const partner = ok(
        await gql<{ monthlyReports: Report[] }>(m, viewer(Role.BANK, { bankId: s.bank2.id }), LIST, { institutionId: s.institution.id }),
      );
      expect(partner.monthlyReports.map((r) => r.version)).toEqual([2, 1]);
      expect(partner.monthlyReports[0].institution.id).toBe(s.institution.id);
      const stranger = ok(
        await gql<{ monthlyReports: Report[] }>(m, viewer(Role.BANK, { bankId: s.stranger.id }), LIST, { institutionId: s.institution.id }),
      );
      expect(stranger.monthlyReports).toEqual([]);
    });
  });

  it('accepts the current month', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const month = businessToday().slice(0, 7);
      expect(ok(await submit(m, s.owner, s.institution.id, month)).submitMonthlyReport.month).toBe(month);
    });
  });

  it.each([
    ['next month', () => nextMonth(businessToday().slice(0, 7))],
    ['a month of the next year', () => `${Number(businessToday().slice(0, 4)) + 1}-01`],
    ['a malformed month', () => '2024-13'],
    ['a date instead of a month', () => '2024-03-01'],
  ])('refuses %s with BAD_USER_INPUT month, writing nothing', async (_what, month) => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const before = await written(m);
      const result = await submit(m, s.owner, s.institution.id, month());
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('month');
      expect(await written(m)).toEqual(before);
    });
  });

  it("answers NOT_FOUND for another institution's report, writing nothing", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const other = await createInstitution(m);
      const before = await written(m);
      expect(codes(await submit(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: other.id }), s.institution.id, '2024-03'))).toEqual([
        'NOT_FOUND',
      ]);
      expect(codes(await submit(m, s.owner, 'not-a-uuid', '2024-03'))).toEqual(['NOT_FOUND']);
      expect(await written(m)).toEqual(before);
    });
  });

  it.each([Role.FINANCE, Role.TASK_FORCE_OFFICE, Role.BANK])('is FORBIDDEN to %s, writing nothing', async (role) => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const before = await written(m);
      expect(
        codes(await submit(m, viewer(role, { institutionId: s.institution.id, bankId: s.bank1.id }), s.institution.id, '2024-03')),
      ).toEqual(['FORBIDDEN']);
      expect(await written(m)).toEqual(before);
    });
  });
});

describe('monthlyReports', () => {
  it('shows the task-force office every report, another institution none of them', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      ok(await submit(m, s.owner, s.institution.id, '2024-03'));
      ok(await submit(m, s.owner, s.institution.id, '2024-04'));
      const office = ok(
        await gql<{ monthlyReports: Report[] }>(m, viewer(Role.TASK_FORCE_OFFICE), LIST, { institutionId: s.institution.id }),
      );
      expect(office.monthlyReports.map((r) => r.month)).toEqual(['2024-04', '2024-03']);
      const other = await createInstitution(m);
      const theirs = ok(
        await gql<{ monthlyReports: Report[] }>(m, viewer(Role.GUARANTEE_INSTITUTION, { institutionId: other.id }), LIST, {
          institutionId: s.institution.id,
        }),
      );
      expect(theirs.monthlyReports).toEqual([]);
      const bad = await gql(m, viewer(Role.TASK_FORCE_OFFICE), LIST, { month: '2024-3' });
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    });
  });
});

describe('reportNotifications (beyond the contract)', () => {
  const INBOX = `query ($month: String) { reportNotifications(month: $month) { id notifiedAt report { id month version institution { id } } } }`;
  type Inbox = {
    reportNotifications: { id: string; report: { id: string; month: string; version: number; institution: { id: string } } }[];
  };

  it("lists a bank's notifications with their reports; another bank's inbox stays empty", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const march = ok(await submit(m, s.owner, s.institution.id, '2024-03')).submitMonthlyReport;
      const april = ok(await submit(m, s.owner, s.institution.id, '2024-04')).submitMonthlyReport;
      const bank1 = viewer(Role.BANK, { bankId: s.bank1.id });
      const all = ok(await gql<Inbox>(m, bank1, INBOX)).reportNotifications;
      expect(all.map((n) => n.report.id).sort()).toEqual([march.id, april.id].sort());
      expect(all[0].report.institution.id).toBe(s.institution.id);
      const onlyMarch = ok(await gql<Inbox>(m, bank1, INBOX, { month: '2024-03' })).reportNotifications;
      expect(onlyMarch.map((n) => n.report.id)).toEqual([march.id]);
      expect(ok(await gql<Inbox>(m, viewer(Role.BANK, { bankId: s.stranger.id }), INBOX)).reportNotifications).toEqual([]);
      expect(codes(await gql(m, bank1, INBOX, { month: 'March' }))).toEqual(['BAD_USER_INPUT']);
    });
  });
});

function nextMonth(month: string): string {
  const [y, mo] = month.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
