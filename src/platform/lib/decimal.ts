import Decimal from 'decimal.js';

/**
 * Exact decimals for money and rates. PostgreSQL numeric arrives as a string and stays one
 * until arithmetic is needed; arithmetic uses decimal.js, never JavaScript numbers.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

export const MONEY_SCALE = 2;
export const RATE_SCALE = 6;
/** numeric(18,2): 16 integer digits. */
export const MAX_MONEY = new Dec('9999999999999999.99');

const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function isDecimalText(value: string): boolean {
  return DECIMAL_TEXT.test(value);
}

export function dec(value: Decimal.Value): Dec {
  return new Dec(value);
}

/** Money to fen, rounded half-up (DESIGN R7: "money rounds half-up to the fen"). */
export function money(value: Decimal.Value): string {
  return new Dec(value).toFixed(MONEY_SCALE, Decimal.ROUND_HALF_UP);
}

export function rate(value: Decimal.Value): string {
  return new Dec(value).toFixed(RATE_SCALE, Decimal.ROUND_HALF_UP);
}
