import { describe, expect, it } from 'vitest';
import { dec } from '../../src/platform/lib/decimal';
import {
  leverage,
  leverageWeight,
  scoreProblem,
  weightedLiability,
  weightedLiabilityFromSums,
  type LeverageWeights,
} from '../../src/modules/evaluation/evaluation.calc';
import { averageFeeRate, compensationRate, ratio, smallAgriShare } from '../../src/modules/indicators/indicators.calc';

/** The numbers of the policy set in force (国办发〔2019〕6号 / 融资担保责任余额计量办法 as 实施意见 adopts them). */
const W: LeverageWeights = {
  smallLoanAmount: '5000000.00',
  farmerLoanAmount: '2000000.00',
  smallWeight: '0.750000',
};

describe('R3, R4, R7 ratios (实施意见（二）（四）（七）)', () => {
  it.each([
    ['800000.00', '1000000.00', '0.800000'],
    ['1', '3', '0.333333'],
    ['2', '3', '0.666667'], // half-up at the 6th place
    ['0.00', '1000000.00', '0.000000'],
    ['5.00', '0.00', null], // no business in the year: no share, not 0
  ])('ratio(%s, %s) = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });

  it('R3 small/agri share, R4 amount-weighted fee rate and R7 compensation rate are part ÷ whole of the year', () => {
    expect(smallAgriShare('850000.00', '1000000.00')).toBe('0.850000');
    // Σ amount×rate = 1,000,000 × 0.008 + 3,000,000 × 0.012 = 44,000 over 4,000,000 = 1.1%
    expect(averageFeeRate('44000.00000000', '4000000.00')).toBe('0.011000');
    expect(compensationRate('30000.00', '1000000.00')).toBe('0.030000');
    expect(compensationRate('0.00', '0.00')).toBeNull();
    expect(averageFeeRate('0', '0.00')).toBeNull();
  });
});

describe('R9 leverage weights (放大倍数)', () => {
  it.each([
    // [borrower kind, guarantee kind, household balance, weight]
    ['SMALL_ENTERPRISE', 'LOAN', '5000000.00', '0.75'], // 500万元及以下: the bound itself is in
    ['SMALL_ENTERPRISE', 'LOAN', '5000000.01', '1'],
    ['MICRO_ENTERPRISE', 'LOAN', '100000.00', '0.75'],
    ['INDIVIDUAL_BUSINESS', 'LOAN', '4999999.99', '0.75'],
    ['FARMER', 'LOAN', '2000000.00', '0.75'], // 200万元及以下
    ['FARMER', 'LOAN', '2000000.01', '1'],
    ['FARMER', 'LOAN', '3000000.00', '1'], // the small/micro bound does not apply to farmers
    ['OTHER_ENTERPRISE', 'LOAN', '100000.00', '1'],
    ['AGRICULTURAL_ENTERPRISE', 'LOAN', '100000.00', '1'],
    // No issuer rating is recorded, so no bond earns the 80% of issuers rated AA or above.
    ['SMALL_ENTERPRISE', 'BOND', '100000.00', '1'],
    ['OTHER_ENTERPRISE', 'BOND', '90000000.00', '1'],
    ['SMALL_ENTERPRISE', 'OTHER_FINANCING', '100000.00', '1'],
  ])('%s %s with balance %s weighs %s', (borrowerKind, guaranteeKind, balance, weight) => {
    expect(leverageWeight({ borrowerKind, guaranteeKind, balance }, W).eq(dec(weight))).toBe(true);
  });

  it('weights come from the policy set, not from the code', () => {
    const other = { ...W, smallWeight: '0.500000', smallLoanAmount: '1000000.00' };
    expect(leverageWeight({ borrowerKind: 'SMALL_ENTERPRISE', guaranteeKind: 'LOAN', balance: '1000000.00' }, other).toFixed()).toBe('0.5');
    expect(leverageWeight({ borrowerKind: 'SMALL_ENTERPRISE', guaranteeKind: 'LOAN', balance: '2000000.00' }, other).toFixed()).toBe('1');
  });

  it('liability balance is Σ balance × weight and leverage divides it by net assets', () => {
    const households = [
      { borrowerKind: 'SMALL_ENTERPRISE', guaranteeKind: 'LOAN', balance: '4000000.00' }, // × 0.75 = 3,000,000
      { borrowerKind: 'FARMER', guaranteeKind: 'LOAN', balance: '1000000.00' }, // × 0.75 = 750,000
      { borrowerKind: 'OTHER_ENTERPRISE', guaranteeKind: 'BOND', balance: '4000000.00' }, // × 1 (no rating recorded)
      { borrowerKind: 'OTHER_ENTERPRISE', guaranteeKind: 'LOAN', balance: '2250000.00' }, // × 1
    ];
    expect(weightedLiability(households, W).toFixed(2)).toBe('10000000.00');
    expect(leverage(households, '1000000.00', W)).toBe('10.000000');
    expect(leverage(households, '3000000.00', W)).toBe('3.333333');
    expect(leverage([], '1000000.00', W)).toBe('0.000000');
  });

  it('from sums (R17 over maintained balances): the total less a quarter of the 75%-weighted LOAN balances, the same figure', () => {
    // The households above: 11,250,000 in all, of which 4,000,000 + 1,000,000 weigh 75%.
    expect(weightedLiabilityFromSums('11250000.00', '5000000.00', W.smallWeight).toFixed(2)).toBe('10000000.00');
    expect(weightedLiabilityFromSums('0', '0', W.smallWeight).toFixed()).toBe('0');
  });

  it.each([['0.00'], ['-100.00']])('net assets of %s give no leverage (null), not a division by zero', (netAssets) => {
    expect(leverage([{ borrowerKind: 'FARMER', guaranteeKind: 'LOAN', balance: '1.00' }], netAssets, W)).toBeNull();
  });
});

describe('score (实施意见（九）: entered by the evaluator)', () => {
  it.each([
    ['0', null],
    ['100', null],
    ['99.99', null],
    ['100.01', 'score must be from 0 to 100'],
    ['-0.01', 'score must be from 0 to 100'],
    ['88.123', 'score has at most 2 decimal places'],
  ])('%s → %s', (score, problem) => {
    expect(scoreProblem(dec(score))).toBe(problem);
  });
});
