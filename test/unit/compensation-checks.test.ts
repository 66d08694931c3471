import { describe, expect, it } from 'vitest';
import { amountSchema, checkEvidence, checkPaymentDate } from '../../src/modules/compensation/compensation.checks';
import { parseInput } from '../../src/platform/validation/parse';
import { Dec } from '../../src/platform/lib/decimal';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    const e = err as { code?: string; field?: string };
    expect(e.code).toBe('BAD_USER_INPUT');
    return e.field;
  }
  return undefined;
}

describe('compensation checks', () => {
  it.each([
    ['0.01', '0.01'],
    ['1', '1.00'],
    ['800000.5', '800000.50'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('accepts money %s as %s', (value, text) => {
    expect(parseInput(amountSchema, { amount: new Dec(value) }).amount).toBe(text);
  });

  it.each(['0', '0.00', '-0.01', '0.001', '1.005', '10000000000000000.00'])('rejects money %s on its field', (value) => {
    expect(fieldOf(() => parseInput(amountSchema, { amount: new Dec(value) }))).toBe('amount');
  });

  it('pays between the lower bound and today, both included', () => {
    const bound = { date: '2024-03-01', what: 'the start' };
    expect(fieldOf(() => checkPaymentDate('paidOn', '2024-03-01', bound, '2024-06-30'))).toBeUndefined();
    expect(fieldOf(() => checkPaymentDate('paidOn', '2024-06-30', bound, '2024-06-30'))).toBeUndefined();
    expect(fieldOf(() => checkPaymentDate('paidOn', '2024-02-29', bound, '2024-06-30'))).toBe('paidOn');
    expect(fieldOf(() => checkPaymentDate('paidOn', '2024-07-01', bound, '2024-06-30'))).toBe('paidOn');
  });

  it('needs evidence for a suspected malicious default (R12), keeps a note otherwise', () => {
    expect(checkEvidence(true, ' 转移资产 ')).toBe('转移资产');
    expect(fieldOf(() => checkEvidence(true, '   '))).toBe('evidence');
    expect(fieldOf(() => checkEvidence(true, null))).toBe('evidence');
    expect(checkEvidence(false, null)).toBeNull();
    expect(checkEvidence(false, ' 备注 ')).toBe('备注');
  });
});
