import { describe, expect, it } from 'vitest';
import { NO_SUMS, outstandingBalance, sliceOf } from '../../src/modules/dashboard/dashboard.calc';
import { averageFeeRate, compensationRate, ratio, smallAgriShare } from '../../src/modules/indicators/indicators.calc';

describe('dashboard ratios: half-up to 6 places, null over nothing', () => {
  it.each([
    // part, whole, expected
    ['1', '3', '0.333333'],
    ['2', '3', '0.666667'],
    ['0.0000005', '1', '0.000001'], // exactly half: up
    ['0.00000049', '1', '0.000000'],
    ['0.0000015', '1', '0.000002'],
    ['1', '1', '1.000000'],
    ['0', '5', '0.000000'],
    ['5', '0', null], // division by zero: no figure, not 0
    ['0', '0', null],
    ['0', '0.00', null],
  ])('%s ÷ %s → %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});

describe('R3 支小支农担保业务占比 (实施意见（二）: 80%以上, by amount of new business)', () => {
  it.each([
    ['800000.00', '1000000.00', '0.800000'],
    ['1300000.00', '1800000.00', '0.722222'],
    ['2.00', '3.00', '0.666667'],
    ['0.00', '1000000.00', '0.000000'],
    ['0.00', '0.00', null],
  ])('%s of %s → %s', (small, total, expected) => {
    expect(smallAgriShare(small, total)).toBe(expected);
  });
});

describe('R4 平均担保费率 (降至1%以下): amount-weighted Σ amount×rate ÷ Σ amount', () => {
  it.each([
    // 1,000,000 at 0.8% and 500,000 at 1.2% and 300,000 at 0.5%: 15,500 ÷ 1,800,000 = 0.0086111…
    ['15500.00000000', '1800000.00', '0.008611'],
    // 1 yuan at 1% and 2 yuan at 0.5%: 0.02 ÷ 3 = 0.0066666… → up
    ['0.02000000', '3.00', '0.006667'],
    ['10000.00000000', '1000000.00', '0.010000'],
    ['0', '0', null],
  ])('%s ÷ %s → %s', (weighted, amount, expected) => {
    expect(averageFeeRate(weighted, amount)).toBe(expected);
  });
});

describe('R7 代偿率 = compensated ÷ released (实施意见（七）)', () => {
  it.each([
    ['50000.00', '100000.00', '0.500000'],
    ['1.00', '100.00', '0.010000'], // the 1% tier bound
    ['8.00', '100.00', '0.080000'], // the 8% bound
    ['1.00', '30000000.00', '0.000000'], // 0.0000000333… rounds down
    ['1.00', '2000000.00', '0.000001'], // 0.0000005: half-up
    ['0.00', '100.00', '0.000000'],
    ['10.00', '0.00', null], // nothing released: no rate
  ])('%s ÷ %s → %s', (compensated, released, expected) => {
    expect(compensationRate(compensated, released)).toBe(expected);
  });
});

describe('在保余额 and money: half-up to the fen', () => {
  it.each([
    ['2200000.00', '200000.00', '2000000.00'],
    ['0', '0', '0.00'],
    ['100.005', '0', '100.01'],
    ['100.004', '0', '100.00'],
    ['1', '1.5', '-0.50'], // more released than granted cannot happen in the aggregate; shown as it is
  ])('%s − %s → %s', (granted, released, expected) => {
    expect(outstandingBalance(granted, released)).toBe(expected);
  });

  it('a slice over nothing: zero money, null ratios', () => {
    expect(sliceOf('total', '合计', NO_SUMS)).toEqual({
      key: 'total',
      label: '合计',
      newCount: 0,
      newAmount: '0.00',
      smallAgriCount: 0,
      smallAgriCountShare: null,
      smallAgriAmount: '0.00',
      smallAgriShare: null,
      smallHouseholdAmount: '0.00',
      smallHouseholdShare: null,
      averageFeeRate: null,
      meanFeeRate: null,
      outstandingBalance: '0.00',
      releasedAmount: '0.00',
      compensatedAmount: '0.00',
      compensationRate: null,
    });
  });

  it("a slice from the aggregate's sums", () => {
    const slice = sliceOf('2024-01', '2024-01', {
      newCount: 2,
      newAmount: '1500000.00',
      smallAgriCount: 1,
      smallAgriAmount: '1000000.00',
      smallHouseholdAmount: '1000000.00',
      feeWeightedAmount: '14000.00000000',
      feeRateSum: '0.020000',
      releasedAmount: '200000.00',
      compensatedAmount: '50000.00',
      grantedToDate: '1900000.00',
      releasedToDate: '200000.00',
    });
    expect(slice).toMatchObject({
      smallAgriCountShare: '0.500000',
      smallAgriShare: '0.666667',
      smallHouseholdShare: '0.666667',
      averageFeeRate: '0.009333',
      meanFeeRate: '0.010000', // (0.8% + 1.2%) ÷ 2: each guarantee once, whatever its amount
      outstandingBalance: '1700000.00',
      compensationRate: '0.250000',
    });
  });
});
