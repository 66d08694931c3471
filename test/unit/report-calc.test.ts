import { describe, expect, it } from 'vitest';
import { ratio } from '../../src/modules/indicators/indicators.calc';
import { reportFigures, type MonthSums } from '../../src/modules/report/report.calc';

/** 实施意见（十二）: the monthly 报备; R3 (支小支农 share by amount) and R4 (amount-weighted fee rate). */
const EMPTY: MonthSums = {
  newCount: 0,
  newAmount: '0',
  smallAgriAmount: '0',
  feeWeightedAmount: '0',
  compensatedAmount: '0',
  cumulativeNewAmount: '0',
  cumulativeReleasedAmount: '0',
};

describe('ratio', () => {
  it.each([
    ['800000.00', '1000000.00', '0.800000'],
    ['1', '3', '0.333333'],
    ['2', '3', '0.666667'], // half-up at the 6th place
    ['0.0000005', '1', '0.000001'],
    ['0.00', '500.00', '0.000000'],
    ['0', '0', null], // no business is no share at all, not 0%
  ])('%s ÷ %s = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});

describe('reportFigures', () => {
  it('computes the month and the end-of-month balance exactly', () => {
    expect(
      reportFigures({
        newCount: 2,
        newAmount: '1000000.00',
        smallAgriAmount: '800000.00',
        feeWeightedAmount: '8800.00000000', // 800000 × 0.008 + 200000 × 0.012
        compensatedAmount: '100000.00',
        cumulativeNewAmount: '1500000.00',
        cumulativeReleasedAmount: '500000.00',
      }),
    ).toEqual({
      newCount: 2,
      newAmount: '1000000.00',
      outstandingBalance: '1000000.00',
      smallAgriShare: '0.800000',
      averageFeeRate: '0.008800',
      compensatedAmount: '100000.00',
    });
  });

  it('weights the fee rate by amount, not by count (R4)', () => {
    // 1 yuan at 3% and 99 yuan at 1%: the plain mean would be 2%, the weighted rate is 1.02%.
    const f = reportFigures({ ...EMPTY, newCount: 2, newAmount: '100.00', feeWeightedAmount: '1.02000000' });
    expect(f.averageFeeRate).toBe('0.010200');
  });

  it('gives null shares and rates for a month without new business, but still a balance', () => {
    const f = reportFigures({
      ...EMPTY,
      compensatedAmount: '5000.00',
      cumulativeNewAmount: '300000.00',
      cumulativeReleasedAmount: '100000.00',
    });
    expect(f).toEqual({
      newCount: 0,
      newAmount: '0.00',
      outstandingBalance: '200000.00',
      smallAgriShare: null,
      averageFeeRate: null,
      compensatedAmount: '5000.00',
    });
  });

  it('keeps sums beyond the range of a JavaScript number exact', () => {
    const f = reportFigures({
      ...EMPTY,
      newCount: 1,
      newAmount: '9007199254740993.01',
      smallAgriAmount: '9007199254740993.01',
      cumulativeNewAmount: '9007199254740993.01',
    });
    expect(f.newAmount).toBe('9007199254740993.01');
    expect(f.outstandingBalance).toBe('9007199254740993.01');
    expect(f.smallAgriShare).toBe('1.000000');
  });
});
