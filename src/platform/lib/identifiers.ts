import { isCalendarDate } from './dates';

/**
 * Borrower and institution identifiers, checked in this one module (../shared/DESIGN.md "Validation of identifiers"):
 * - 统一社会信用代码, GB 32100-2015: 18 characters of 0-9A-HJ-NPQRTUWXY (no I, O, Z, S, V); positions 3–8
 *   are the 登记管理机关行政区划码 (digits); the 18th is a check character over the first 17 with weights
 *   3^(i-1) mod 31.
 * - 公民身份号码, GB 11643-1999: 17 digits (6 address, 8 birth date, 3 sequence) and a check digit
 *   with weights 2^(17-i) mod 11, where a check value of 10 is written X.
 * Input is normalised before checking: surrounding blanks dropped, letters upper-cased (a lowercase x is X).
 */
export enum IdentifierKind {
  CREDIT_CODE = 'CREDIT_CODE',
  RESIDENT_ID = 'RESIDENT_ID',
}

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = Array.from({ length: 17 }, (_, i) => powMod(3, i, 31));
const RESIDENT_ID_WEIGHTS = Array.from({ length: 17 }, (_, i) => powMod(2, 17 - i, 11));
const RESIDENT_ID_CHECK = '10X98765432';

const CREDIT_CODE_FORM = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const RESIDENT_ID_FORM = /^\d{17}[\dX]$/;

function powMod(base: number, exp: number, mod: number): number {
  let r = 1;
  for (let i = 0; i < exp; i++) r = (r * base) % mod;
  return r;
}

export function normalizeIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

/** The GB 32100 check character of the first 17 characters (which must be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`"${first17[i]}" is not a GB 32100 character`);
    sum += v * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11643 check digit ('0'–'9' or 'X') of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/** A normalised code is a valid unified social credit code. */
export function isCreditCode(code: string): boolean {
  return CREDIT_CODE_FORM.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** A normalised number is a valid resident ID number: form, a real birth date and the check digit. */
export function isResidentId(id: string): boolean {
  if (!RESIDENT_ID_FORM.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isCalendarDate(birth) && residentIdCheckChar(id.slice(0, 17)) === id[17];
}

export type IdentifierCheck = { ok: true; value: string; kind: IdentifierKind } | { ok: false; reason: string };

/**
 * What a borrower identifier is, decided by its form: a valid GB 11643 number is a resident ID,
 * otherwise a valid GB 32100 code is a credit code. (An all-digit string can in principle satisfy
 * both; a person's ID number is then the likelier reading, since organisations' codes almost always
 * carry a letter.)
 */
export function checkBorrowerIdentifier(raw: string): IdentifierCheck {
  const value = normalizeIdentifier(raw);
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters: a unified social credit code or a resident ID number' };
  if (isResidentId(value)) return { ok: true, value, kind: IdentifierKind.RESIDENT_ID };
  if (isCreditCode(value)) return { ok: true, value, kind: IdentifierKind.CREDIT_CODE };
  if (RESIDENT_ID_FORM.test(value) && !CREDIT_CODE_FORM.test(value))
    return { ok: false, reason: 'is not a valid resident ID number (GB 11643-1999 check digit or birth date)' };
  return {
    ok: false,
    reason: 'is neither a valid unified social credit code (GB 32100-2015) nor a valid resident ID number (GB 11643-1999)',
  };
}

/** An institution's code must be a unified social credit code. */
export function checkCreditCode(raw: string): IdentifierCheck {
  const value = normalizeIdentifier(raw);
  if (value.length !== 18) return { ok: false, reason: 'must be 18 characters' };
  if (!CREDIT_CODE_FORM.test(value))
    return { ok: false, reason: 'has characters outside GB 32100-2015 (0-9, A-H, J-N, P-R, T, U, W-Y; positions 3–8 digits)' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'has a wrong GB 32100-2015 check character' };
  return { ok: true, value, kind: IdentifierKind.CREDIT_CODE };
}
