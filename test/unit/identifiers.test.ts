import { describe, expect, it } from 'vitest';
import {
  checkBorrowerIdentifier,
  checkCreditCode,
  creditCodeCheckChar,
  IdentifierKind,
  residentIdCheckChar,
} from '../../src/platform/lib/identifiers';
import { validCreditCode, validResidentId } from '../fixtures/business';

// Check characters below were computed by hand from the standards' weights and cross-checked with the
// standards' own examples (GB 32100-2015 annex: 91350100M000100Y43; GB 11643-1999: 11010519491231002X).
describe('GB 32100-2015 unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', "the standard's example"],
    ['91371500MA3C5QXX5M', '聊城 enterprise, letter check character'],
    ['91371502MA3MXXXX08', 'check character 8'],
    ['12371500004512345G', '机构编制 registration, check character G'],
    ['93371521MA3C8K7Q2L', '农民专业合作社 registration'],
  ])('accepts %s (%s)', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code, kind: IdentifierKind.CREDIT_CODE });
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91371500MA3C5QXX5N', 'wrong letter check character'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['91350100M0001O0Y43', 'O is not in the charset'],
    ['91350100M0001I0Y43', 'I is not in the charset'],
    ['9135A100M000100Y43', 'division code must be digits'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(checkCreditCode(code).ok).toBe(false);
  });

  it('normalises blanks and lower case', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43', kind: IdentifierKind.CREDIT_CODE });
  });

  it('computes the check character with weights 3^(i-1) mod 31', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91371500MA3C5QXX5')).toBe('M');
    // A remainder of 0 maps to check value 0, not 31.
    for (let i = 0; i < 200; i++) expect(checkCreditCode(validCreditCode()).ok).toBe(true);
  });
});

describe('GB 11643-1999 resident ID number', () => {
  it.each([
    ['11010519491231002X', "the standard's example, check X"],
    ['371502199001011234', '东昌府区, check 4'],
    ['371522198506150046', '莘县, check 6'],
    ['371581197811233011', '临清市, check 1'],
  ])('accepts %s (%s)', (id) => {
    expect(checkBorrowerIdentifier(id)).toEqual({ ok: true, value: id, kind: IdentifierKind.RESIDENT_ID });
  });

  it('normalises a lowercase x to X', () => {
    expect(checkBorrowerIdentifier('11010519491231002x')).toEqual({
      ok: true,
      value: '11010519491231002X',
      kind: IdentifierKind.RESIDENT_ID,
    });
  });

  it.each([
    ['371502199001011235', 'wrong check digit'],
    ['110105194912310021', 'digit where X is due'],
    ['371502199002301233', 'no 30 February (the check digit is right)'],
    ['37150219900101123', '17 characters'],
    ['3715021990010112345', '19 characters'],
    ['371502 99001011234', 'a blank inside'],
  ])('rejects %s (%s)', (id) => {
    expect(checkBorrowerIdentifier(id).ok).toBe(false);
  });

  it('computes the check digit with weights 2^(17-i) mod 11', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('37150219900101123')).toBe('4');
    expect(residentIdCheckChar('37150219900230123')).toBe('3');
    for (let i = 0; i < 100; i++) expect(checkBorrowerIdentifier(validResidentId()).ok).toBe(true);
    expect(validResidentId({ checkX: true })).toMatch(/X$/);
  });
});

describe('borrower identifier kind from the form', () => {
  it('reads a credit code as CREDIT_CODE and an ID number as RESIDENT_ID', () => {
    expect(checkBorrowerIdentifier('91371500MA3C5QXX5M')).toMatchObject({ ok: true, kind: IdentifierKind.CREDIT_CODE });
    expect(checkBorrowerIdentifier('371502199001011234')).toMatchObject({ ok: true, kind: IdentifierKind.RESIDENT_ID });
  });

  it('accepts no credit code where an institution needs one', () => {
    expect(checkCreditCode('371502199001011234').ok).toBe(false);
  });
});
