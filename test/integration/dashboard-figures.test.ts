import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { DASHBOARD, scenario } from '../fixtures/dashboard';
import { viewer } from '../fixtures/viewers';
import { inRollback } from '../support/db';
import { gql, ok } from '../support/graphql';

// The dashboard's figures (R3, R4, R7 rate, 在保余额) are sums over business_month_stats: here over cells this
// test writes itself with the ledger repository, isolated from other tests' rows by a filter on its own institution.

const pick = (slices: Array<Record<string, unknown>>, key: string) => slices.find((s) => s.key === key);

describe('dashboard figures from the monthly aggregate', () => {
  it("sums the period's flows; the balance counts every month up to the period's end (R3, R4, R7)", async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const { dashboard } = ok(
        await gql(m, viewer(Role.TASK_FORCE_OFFICE), DASHBOARD, {
          filter: { institutionId: s.a.id, from: '2024-01-01', to: '2024-02-29' },
        }),
      );
      expect(dashboard.total).toEqual({
        key: 'total',
        label: '合计',
        newCount: 3,
        newAmount: '1800000.00',
        smallAgriCount: 2,
        smallAgriCountShare: '0.666667', // 2 of 3 guarantees
        smallAgriAmount: '1300000.00',
        smallAgriShare: '0.722222', // 1,300,000 ÷ 1,800,000
        smallHouseholdAmount: '1000000.00', // the 300,000 one's borrower held more than 5,000,000
        smallHouseholdShare: '0.555556', // 1,000,000 ÷ 1,800,000 (all new business)
        averageFeeRate: '0.008611', // (8,000 + 6,000 + 1,500) ÷ 1,800,000, amount-weighted
        meanFeeRate: '0.008333', // (0.8% + 1.2% + 0.5%) ÷ 3, each guarantee once
        outstandingBalance: '2000000.00', // 400,000 (2023-12, before the period) + 1,800,000 − 200,000
        releasedAmount: '200000.00',
        compensatedAmount: '0.00',
        compensationRate: '0.000000',
      });
      expect(dashboard.targets).toEqual({
        smallAgriShare: '0.800000',
        smallHouseholdShare: '0.500000',
        averageFeeRate: '0.010000',
        minBankRiskShare: '0.200000',
        maxHouseholdAmount: '10000000.00',
      });

      // Months of the period only, oldest first, each with its own end-of-month balance.
      expect(dashboard.byMonth.map((x: any) => [x.key, x.label, x.newCount, x.newAmount, x.outstandingBalance])).toEqual([
        ['2024-01', '2024-01', 2, '1500000.00', '1900000.00'],
        ['2024-02', '2024-02', 1, '300000.00', '2000000.00'],
      ]);
      expect(pick(dashboard.byMonth, '2024-01')).toMatchObject({
        smallAgriCount: 1,
        smallAgriCountShare: '0.500000',
        smallAgriShare: '0.666667',
        smallHouseholdShare: '0.666667',
        averageFeeRate: '0.009333',
        meanFeeRate: '0.010000',
        compensationRate: null,
      });

      // By the borrower's region, bank and institution, with names as labels.
      expect(dashboard.byRegion).toHaveLength(2);
      expect(pick(dashboard.byRegion, s.r1)).toMatchObject({
        label: s.names.r1,
        newCount: 2,
        newAmount: '1500000.00',
        outstandingBalance: '1700000.00',
        releasedAmount: '200000.00',
      });
      expect(pick(dashboard.byRegion, s.r2)).toMatchObject({
        label: s.names.r2,
        newCount: 1,
        newAmount: '300000.00',
        outstandingBalance: '300000.00',
        smallAgriShare: '1.000000',
      });
      expect(dashboard.byBank.map((x: any) => [x.key, x.label, x.newAmount]).sort()).toEqual(
        [
          [s.x.id, s.x.name, '1500000.00'],
          [s.y.id, s.y.name, '300000.00'],
        ].sort(),
      );
      expect(dashboard.byBank.map((x: any) => x.label)).toEqual([s.x.name, s.y.name].sort());
      expect(dashboard.byInstitution).toEqual([{ ...dashboard.total, key: s.a.id, label: s.a.name }]);
    });
  });

  it('a later period: no new business (null ratios), the compensation rate of its releases, the balance carried over', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const { dashboard } = ok(
        await gql(m, viewer(Role.FINANCE), DASHBOARD, { filter: { institutionId: s.a.id, from: '2024-03-01', to: '2024-03-31' } }),
      );
      expect(dashboard.total).toMatchObject({
        newCount: 0,
        newAmount: '0.00',
        smallAgriShare: null,
        averageFeeRate: null,
        releasedAmount: '100000.00',
        compensatedAmount: '50000.00',
        compensationRate: '0.500000',
        outstandingBalance: '1900000.00',
      });
      expect(dashboard.byMonth.map((x: any) => x.key)).toEqual(['2024-03']);
      // Bank Y had no flow in March but still holds a balance: it stays on the board.
      expect(pick(dashboard.byBank, s.y.id)).toMatchObject({ newCount: 0, outstandingBalance: '300000.00', compensationRate: null });
    });
  });

  it('an open start counts every month up to `to`; filters by region and bank narrow the cells', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const run = async (filter: Record<string, unknown>) =>
        ok(await gql(m, viewer(Role.TASK_FORCE_OFFICE), DASHBOARD, { filter })).dashboard;
      const all = await run({ institutionId: s.a.id, to: '2024-12-31' });
      expect(all.total).toMatchObject({
        newCount: 4,
        newAmount: '2200000.00',
        releasedAmount: '300000.00',
        outstandingBalance: '1900000.00',
        compensationRate: '0.166667',
      });
      // From the first month recorded to `to`, every month: April to December 2024 had no business.
      expect(all.byMonth.map((x: any) => x.key)).toEqual([
        '2023-12',
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}`),
      ]);
      const byRegion = await run({ regionId: s.r2, bankId: s.x.id, from: '2024-01-01', to: '2024-01-31' });
      // Only institution B's January cell is in region 2 with bank X.
      expect(byRegion.total).toMatchObject({ newCount: 1, newAmount: '700000.00', averageFeeRate: '0.009000' });
      expect(byRegion.byInstitution.map((x: any) => x.key)).toEqual([s.b.id]);
    });
  });

  it('byMonth lists every month of the period: zero flows, null ratios, the balance carried (no gap in a chart)', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const { dashboard } = ok(
        await gql(m, viewer(Role.TASK_FORCE_OFFICE), DASHBOARD, {
          filter: { institutionId: s.a.id, from: '2023-11-01', to: '2024-05-31' },
        }),
      );
      expect(
        dashboard.byMonth.map((x: any) => [x.key, x.newCount, x.newAmount, x.smallAgriCountShare, x.meanFeeRate, x.outstandingBalance]),
      ).toEqual([
        ['2023-11', 0, '0.00', null, null, '0.00'],
        ['2023-12', 1, '400000.00', '1.000000', '0.010000', '400000.00'],
        ['2024-01', 2, '1500000.00', '0.500000', '0.010000', '1900000.00'],
        ['2024-02', 1, '300000.00', '1.000000', '0.005000', '2000000.00'],
        ['2024-03', 0, '0.00', null, null, '1900000.00'],
        ['2024-04', 0, '0.00', null, null, '1900000.00'],
        ['2024-05', 0, '0.00', null, null, '1900000.00'],
      ]);
      expect(pick(dashboard.byMonth, '2024-04')).toMatchObject({
        smallAgriCount: 0,
        smallAgriShare: null,
        smallHouseholdShare: null,
        averageFeeRate: null,
        releasedAmount: '0.00',
        compensationRate: null,
      });
    });
  });

  it('a period of more than 1,200 months is BAD_USER_INPUT (byMonth would list each)', async () => {
    await inRollback(async (m) => {
      const s = await scenario(m);
      const run = (filter: Record<string, unknown>) => gql(m, viewer(Role.FINANCE), DASHBOARD, { filter });
      const refused = await run({ from: '1900-01-01', to: '2000-01-31' }); // 1,201 months
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
      expect(ok(await run({ from: '1900-01-01', to: '1999-12-31' })).dashboard.byMonth).toHaveLength(1200);
      // Without `from`, counted from the first month recorded (here 2023-12).
      const open = await run({ institutionId: s.a.id, to: '2123-12-31' });
      expect(open.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    });
  });

  it('an id that names nothing is an empty dashboard, not an error', async () => {
    await inRollback(async (m) => {
      for (const filter of [{ institutionId: 'not-an-id' }, { bankId: '00000000-0000-0000-0000-000000000000' }, { regionId: '12' }]) {
        const { dashboard } = ok(await gql(m, viewer(Role.FINANCE), DASHBOARD, { filter }));
        expect(dashboard.total).toMatchObject({ newCount: 0, newAmount: '0.00', outstandingBalance: '0.00', smallAgriShare: null });
        expect([dashboard.byRegion, dashboard.byInstitution, dashboard.byBank, dashboard.byMonth]).toEqual([[], [], [], []]);
        expect(dashboard.targets.smallAgriShare).toBe('0.800000');
      }
    });
  });
});
