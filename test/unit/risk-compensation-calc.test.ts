import { describe, expect, it } from 'vitest';
import { quoteRiskCompensation, type CompensationMode } from '../../src/modules/risk-compensation/risk-compensation.calc';
import { Dec } from '../../src/platform/lib/decimal';
import { CITY_2023_TIERS } from '../../src/modules/policy/policy.seed';

/**
 * 实施意见（七）: 代偿率小于1%、1%—3%、3%—5%、5%—8%(含)四档，分别按照担保代偿额的100%、80%、60%、50%补偿；
 * 代偿率超出8%的部分不予补偿. Tiers come from the seeded 2023 parameter set (R14), as the service reads them.
 */
const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Dec(0)).toFixed(2);
const quote = (released: string, compensated: string, mode: CompensationMode = 'PROGRESSIVE') =>
  quoteRiskCompensation(released, compensated, CITY_2023_TIERS, mode);

describe('实施意见（七） risk compensation: PROGRESSIVE (default) pays each slice at its tier', () => {
  // released 1,000,000.00: slice bounds 10,000 / 30,000 / 50,000 / 80,000.
  it.each([
    ['zero compensated', '1000000.00', '0.00', '0.000000', '0.00'],
    ['just below 1%', '1000000.00', '9999.99', '0.010000', '9999.99'],
    ['rate exactly 1%: first slice in full at 100%', '1000000.00', '10000.00', '0.010000', '10000.00'],
    ['rate exactly 3%: + 20,000 × 80%', '1000000.00', '30000.00', '0.030000', '26000.00'],
    ['rate exactly 5%: + 20,000 × 60%', '1000000.00', '50000.00', '0.050000', '38000.00'],
    ['rate exactly 8% (含): + 30,000 × 50%', '1000000.00', '80000.00', '0.080000', '53000.00'],
    ['just above 8%: the excess pays nothing', '1000000.00', '80000.01', '0.080000', '53000.00'],
    ['10%: capped at the 8% payout', '1000000.00', '100000.00', '0.100000', '53000.00'],
    ['zero released: no rate, nothing paid', '0.00', '500.00', null, '0.00'],
    ['zero released and compensated', '0.00', '0.00', null, '0.00'],
    ['fen half-up in a line: 0.25 × 50% = 0.125 → 0.13', '1000000.00', '50000.25', '0.050000', '38000.13'],
    ['slice bounds are money, half-up: 1% of 50.50 = 0.505 → 0.51; 3% = 1.515 → 1.52', '50.50', '1.00', '0.019802', '0.90'],
    ['rate to 6 places half-up', '3.00', '0.02', '0.006667', '0.02'],
  ])('%s', (_name, released, compensated, expectedRate, payout) => {
    const q = quote(released, compensated);
    expect(q.compensationRate).toBe(expectedRate);
    expect(q.payout).toBe(payout);
    // The lines add up: the bases to the compensated amount, the payouts to the total.
    expect(sum(q.tiers.map((t) => t.base))).toBe(compensated);
    expect(sum(q.tiers.map((t) => t.payout))).toBe(payout);
  });

  it('lists every tier and the unpaid part above 8%, with its slice and payout', () => {
    expect(quote('1000000.00', '90000.00').tiers).toEqual([
      { fromRate: '0.000000', toRate: '0.010000', ratio: '1.000000', base: '10000.00', payout: '10000.00' },
      { fromRate: '0.010000', toRate: '0.030000', ratio: '0.800000', base: '20000.00', payout: '16000.00' },
      { fromRate: '0.030000', toRate: '0.050000', ratio: '0.600000', base: '20000.00', payout: '12000.00' },
      { fromRate: '0.050000', toRate: '0.080000', ratio: '0.500000', base: '30000.00', payout: '15000.00' },
      { fromRate: '0.080000', toRate: null, ratio: '0.000000', base: '10000.00', payout: '0.00' },
    ]);
  });

  it('rounds a line half-up where a slice × ratio ends in 5 thousandths: 76.54 × 80% = 61.232 → 61.23', () => {
    const q = quote('12345.67', '200.00'); // bounds 123.46 (123.4567) and 370.37
    expect(q.tiers.slice(0, 2).map((t) => [t.base, t.payout])).toEqual([
      ['123.46', '123.46'],
      ['76.54', '61.23'],
    ]);
    expect(q.payout).toBe('184.69');
  });

  it('is continuous: one more fen never changes the payout by more than a fen', () => {
    for (const at of ['9999.99', '29999.99', '49999.99', '79999.99', '80000.00']) {
      const next = new Dec(at).plus('0.01').toFixed(2);
      const step = new Dec(quote('1000000.00', next).payout).minus(quote('1000000.00', at).payout);
      expect(step.gte(0) && step.lte('0.01')).toBe(true);
    }
  });
});

describe('实施意见（七） risk compensation: FLAT_CAPPED pays the whole amount at the ratio of the own rate', () => {
  it.each([
    ['zero compensated: first tier, nothing to pay', '1000000.00', '0.00', 0, '0.00'],
    ['just below 1%: 100%', '1000000.00', '9999.99', 0, '9999.99'],
    ['rate exactly 1% belongs to 1%—3%: 80%', '1000000.00', '10000.00', 1, '8000.00'],
    ['rate exactly 3% belongs to 3%—5%: 60%', '1000000.00', '30000.00', 2, '18000.00'],
    ['rate exactly 5% belongs to 5%—8%: 50%', '1000000.00', '50000.00', 3, '25000.00'],
    ['rate exactly 8% is in 5%—8%(含): 50%', '1000000.00', '80000.00', 3, '40000.00'],
    ['just above 8%: nothing at all', '1000000.00', '80000.01', 4, '0.00'],
    ['a rate that rounds to 8.000000% but is above it pays nothing', '100000000.00', '8000000.01', 4, '0.00'],
    ['zero released: no rate, nothing paid', '0.00', '500.00', 4, '0.00'],
    ['fen half-up: 50,000.25 × 50% = 25,000.125 → 25,000.13', '1000000.00', '50000.25', 3, '25000.13'],
  ])('%s', (_name, released, compensated, tierIndex, payout) => {
    const q = quote(released, compensated, 'FLAT_CAPPED');
    expect(q.payout).toBe(payout);
    expect(q.mode).toBe('FLAT_CAPPED');
    q.tiers.forEach((t, i) => expect(t.base).toBe(i === tierIndex ? compensated : '0.00'));
  });

  it('keeps the rate of the boundary case exact to 6 places', () => {
    expect(quote('100000000.00', '8000000.01', 'FLAT_CAPPED').compensationRate).toBe('0.080000');
  });
});
