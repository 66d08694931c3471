import { describe, expect, it } from 'vitest';
import { maskIdentifier } from '../../src/access/mask';

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
