import { describe, expect, it } from 'vitest';
import { NO_SUMS, everyMonth, monthsBetween, type SliceSums } from '../../src/modules/dashboard/dashboard.calc';
import { meanFeeRate, smallAgriCountShare, smallHouseholdShare } from '../../src/modules/indicators/indicators.calc';

describe('R3 支小支农笔数占比: by count of new guarantees, half-up to 6 places', () => {
  it.each([
    [4, 5, '0.800000'], // exactly the 80% target
    [3999, 5000, '0.799800'], // just under
    [4001, 5000, '0.800200'], // just over
    [2, 3, '0.666667'], // 0.6666…: up
    [1, 3, '0.333333'],
    [0, 7, '0.000000'],
    [0, 0, null], // no new business: no share, not 0
  ])('%i of %i → %s', (small, all, expected) => {
    expect(smallAgriCountShare(small, all)).toBe(expected);
  });
});

describe('R3 单户500万元及以下占比 (国办发〔2019〕6号: 不低于50%) of all new amount', () => {
  it.each([
    ['500000.00', '1000000.00', '0.500000'], // exactly the 50% national floor
    ['499999.99', '1000000.00', '0.500000'], // 0.49999999: rounds half-up to the floor's figure
    ['499999.00', '1000000.00', '0.499999'], // just under
    ['500001.00', '1000000.00', '0.500001'], // just over
    ['1.00', '3.00', '0.333333'],
    ['0.00', '1000000.00', '0.000000'],
    ['0.00', '0.00', null],
  ])('%s of %s → %s', (household, all, expected) => {
    expect(smallHouseholdShare(household, all)).toBe(expected);
  });
});

describe('R4 担保费率简单平均: Σ rate ÷ count, beside the amount-weighted rate', () => {
  it.each([
    ['0.020000', 2, '0.010000'], // 0.8% and 1.2%: exactly the 1% target (以下 includes it)
    ['0.019998', 2, '0.009999'], // just under
    ['0.020002', 2, '0.010001'], // just over
    ['0.020000', 3, '0.006667'], // 0.0066666…: up
    ['0.000001', 2, '0.000001'], // 0.0000005: half-up
    ['0.000001', 3, '0.000000'],
    ['0', 0, null],
  ])('%s over %i guarantees → %s', (sum, count, expected) => {
    expect(meanFeeRate(sum, count)).toBe(expected);
  });
});

describe('byMonth without gaps (a chart has a point for every month)', () => {
  it.each([
    ['2024-01', '2024-01', ['2024-01']],
    ['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
    ['2024-03', '2024-02', []],
  ])('months %s … %s', (first, last, expected) => {
    expect(monthsBetween(first, last)).toEqual(expected);
  });

  const sums = (over: Partial<SliceSums>): SliceSums => ({ ...NO_SUMS, ...over });
  const recorded = [
    { month: '2023-12', sums: sums({ newCount: 1, newAmount: '400000', grantedToDate: '400000' }) },
    { month: '2024-02', sums: sums({ newCount: 1, newAmount: '300000', grantedToDate: '700000' }) },
    { month: '2024-03', sums: sums({ releasedAmount: '100000', grantedToDate: '700000', releasedToDate: '100000' }) },
  ];
  const row = (s: { key: string; newCount: number; smallAgriShare: string | null; outstandingBalance: string }) => [
    s.key,
    s.newCount,
    s.smallAgriShare,
    s.outstandingBalance,
  ];

  it('a month with no cell has zero flows, null ratios and the balance of the month before it', () => {
    expect(everyMonth(recorded, '2024-01', '2024-05').map(row)).toEqual([
      ['2024-01', 0, null, '400000.00'], // carried from 2023-12, before the period
      ['2024-02', 1, '0.000000', '700000.00'],
      ['2024-03', 0, null, '600000.00'],
      ['2024-04', 0, null, '600000.00'],
      ['2024-05', 0, null, '600000.00'],
    ]);
  });

  it('without `from`, from the first recorded month; before any business, a zero balance', () => {
    expect(everyMonth(recorded, null, '2024-02').map((s) => s.key)).toEqual(['2023-12', '2024-01', '2024-02']);
    expect(everyMonth(recorded, '2023-10', '2023-11').map(row)).toEqual([
      ['2023-10', 0, null, '0.00'],
      ['2023-11', 0, null, '0.00'],
    ]);
    expect(everyMonth([], null, '2024-02')).toEqual([]);
    expect(everyMonth([], '2024-01', '2024-02').map((s) => s.key)).toEqual(['2024-01', '2024-02']);
  });
});
