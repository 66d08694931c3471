import { describe, expect, it } from 'vitest';
import { maskIdentifier, maskIdentifiersIn } from '../../src/access/mask';

/** DESIGN.md §3: borrower identifiers show in full only to the roles it names; everyone else sees them masked. */
describe('maskIdentifier', () => {
  it.each([
    ['resident ID', '371502199001011234', '3715**********1234'],
    ['resident ID with check X', '37150219900101123X', '3715**********123X'],
    ['credit code', '91371502MA3C8FQX2K', '9137**********QX2K'],
    ['nine characters', '123456789', '1234*6789'],
  ])('%s keeps the first and last four characters and the length', (_kind, identifier, masked) => {
    expect(maskIdentifier(identifier)).toBe(masked);
    expect(maskIdentifier(identifier)).toHaveLength(identifier.length);
  });

  it('hides a short value entirely rather than showing most of it', () => {
    expect(maskIdentifier('12345678')).toBe('********');
    expect(maskIdentifier('')).toBe('');
  });
});

/** DESIGN.md §6: every spelling of an identifier is masked (test/security/identity-leaks.test.ts); the rest of a text is not. */
describe('maskIdentifiersIn', () => {
  it.each([
    ['an amount', '担保金额 10000000.00 元'],
    ['a mobile number', '联系电话 13800138000'],
    ['dates', '期限 2024-01-01 至 2024-12-31'],
    ['a guarantee code', '担保编号 LC-2024-000123'],
    ['words', 'ordinary words and internationalisation'],
    ['a 14-digit number', '流水号 20240101123456'],
  ])('leaves %s as it is', (_what, text) => {
    expect(maskIdentifiersIn(text)).toBe(text);
  });

  it.each([
    ['an 18-digit ID', '身份证371502199001011234', '身份证3715**********1234'],
    ['a 15-digit ID', '身份证371502900101123', '身份证3715*******1123'],
    ['an ID split by spaces', '3715 0219 9001 0112 34', '3715**********1234'],
    ['a full-width ID', '３７１５０２１９９００１０１１２３Ｘ', '3715**********123X'],
    ['an ID with a zero-width space', '3715\u200b02199001011234', '3715**********1234'],
    ['a credit code glued to letters', 'ID91371502MA3C8FQX2K', 'ID91************QX2K'],
  ])('masks %s, normalised', (_what, text, masked) => {
    expect(maskIdentifiersIn(text)).toBe(masked);
  });
});
