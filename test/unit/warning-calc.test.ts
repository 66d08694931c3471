import { describe, expect, it } from 'vitest';
import {
  capWarning,
  compensationWarning,
  concentrationWarning,
  creditLineWarning,
  inForcePath,
  riskShareWarning,
  shareWarning,
} from '../../src/modules/warning/warning.calc';
import { dueDate } from '../../src/modules/warning/warning.service';

const level = (r: { level: string } | null) => r?.level ?? null;

/** R17 (DESIGN.md §2): each threshold exactly at, just under and just over. */
describe('R17 warning thresholds', () => {
  it.each([
    // R3 支小支农 target 80%: RED below 0.80, YELLOW below 0.85, "below" excludes the number.
    ['0.799999', 'RED'],
    ['0.800000', 'YELLOW'],
    ['0.849999', 'YELLOW'],
    ['0.850000', null],
    ['1.000000', null],
  ])('SMALL_AGRI_SHARE %s → %s', (value, expected) => {
    expect(level(shareWarning(value, '0.800000'))).toBe(expected);
  });

  it.each([
    ['0.499999', 'RED'],
    ['0.500000', 'YELLOW'],
    ['0.549999', 'YELLOW'],
    ['0.550000', null],
  ])('SMALL_HOUSEHOLD_SHARE %s → %s', (value, expected) => {
    expect(level(shareWarning(value, '0.500000'))).toBe(expected);
  });

  it.each([
    // R4: 降至1%以下 includes 1%; YELLOW above 0.9%.
    ['0.010001', 'RED'],
    ['0.010000', 'YELLOW'],
    ['0.009001', 'YELLOW'],
    ['0.009000', null],
  ])('AVERAGE_FEE_RATE %s → %s', (value, expected) => {
    expect(level(capWarning(value, '0.010000'))).toBe(expected);
  });

  it.each([
    ['0.050001', 'RED'],
    ['0.050000', 'YELLOW'],
    ['0.030001', 'YELLOW'],
    ['0.030000', null],
  ])('COMPENSATION_RATE %s → %s', (value, expected) => {
    expect(level(compensationWarning(value))).toBe(expected);
  });

  it.each([
    // R9 cap 10×: RED above 10, YELLOW above 9.
    ['10.000001', 'RED'],
    ['10.000000', 'YELLOW'],
    ['9.000001', 'YELLOW'],
    ['9.000000', null],
  ])('LEVERAGE %s → %s', (value, expected) => {
    expect(level(capWarning(value, '10'))).toBe(expected);
  });

  it.each([
    // R16: 10% of 1,000,000 net assets; YELLOW above 80% of it (8%).
    ['100001.00', 'RED'],
    ['100000.00', 'YELLOW'],
    ['80001.00', 'YELLOW'],
    ['80000.00', null],
  ])('SINGLE_BORROWER_CONCENTRATION largest household %s → %s', (largest, expected) => {
    expect(level(concentrationWarning(largest, '1000000.00', '0.100000'))).toBe(expected);
  });

  it('raises no concentration without net assets, and no share, rate or multiple over nothing', () => {
    expect(concentrationWarning('1.00', '0.00', '0.1')).toBeNull();
    expect(shareWarning(null, '0.8')).toBeNull();
    expect(capWarning(null, '0.01')).toBeNull();
    expect(compensationWarning(null)).toBeNull();
    expect(creditLineWarning('1.00', '0.00')).toBeNull();
  });

  it.each([
    // "≥" includes the number: 90% is YELLOW, 100% RED.
    ['899999.00', null],
    ['900000.00', 'YELLOW'],
    ['999999.99', 'YELLOW'],
    ['1000000.00', 'RED'],
  ])('CREDIT_LINE_USAGE used %s of 1,000,000 → %s', (used, expected) => {
    expect(level(creditLineWarning(used, '1000000.00'))).toBe(expected);
  });

  it.each([
    ['0.199999', 'YELLOW'],
    ['0.200000', null],
  ])('BANK_RISK_SHARE_EXCEPTION %s → %s', (share, expected) => {
    expect(level(riskShareWarning(share, '0.200000'))).toBe(expected);
  });

  it('compares unrounded values and reports them rounded half-up to 6 places', () => {
    expect(level(shareWarning('0.7999999', '0.8'))).toBe('RED');
    expect(shareWarning('0.7999999', '0.8')?.value).toBe('0.800000');
  });

  it('gives the threshold a warning is measured against', () => {
    expect(shareWarning('0.82', '0.8')).toEqual({ level: 'YELLOW', value: '0.820000', threshold: '0.850000' });
    expect(capWarning('0.0095', '0.01')).toEqual({ level: 'YELLOW', value: '0.009500', threshold: '0.009000' });
  });

  it('puts a month’s report due on the due day of the next month', () => {
    expect(dueDate('2025-03', 10)).toBe('2025-04-10');
    expect(dueDate('2025-12', 10)).toBe('2026-01-10');
  });
});

describe('inForcePath', () => {
  const figures = (openBalance: string, laterNewAmount: string, laterReleasedAmount: string) => ({
    openBalance,
    laterNewAmount,
    laterReleasedAmount,
  });

  it('corrects the open balances when little changed since the date (today: nothing)', () => {
    expect(inForcePath([figures('1000.00', '0', '0'), figures('500.00', '0', '0')])).toBe('corrections');
    expect(inForcePath([figures('1000.00', '200.00', '150.00')])).toBe('corrections');
  });

  it('scans what was in force when more changed since the date than was in force then (summed over the institutions)', () => {
    // In force then ≈ 1000 − 900 + 600 = 700; changed since ≈ 900 + 600 = 1500.
    expect(inForcePath([figures('1000.00', '900.00', '600.00')])).toBe('scan');
    expect(inForcePath([figures('1000.00', '900.00', '600.00'), figures('5000.00', '0', '0')])).toBe('corrections');
  });

  it('corrects when there is nothing to weigh (no institution, no business)', () => {
    expect(inForcePath([])).toBe('corrections');
    expect(inForcePath([figures('0', '0', '0')])).toBe('corrections');
  });
});
