import { BadInputError } from '../errors';
import { isCalendarDate } from './dates';
import { Dec, isDecimalText, MAX_MONEY, MONEY_SCALE, RATE_SCALE } from './decimal';

/**
 * Checks of single values that need no database, shared by every write of the business modules
 * (institutions, agreements, guarantees, the batch import). Each takes what the API or a CSV cell
 * gives — a decimal.js value or text — and returns the canonical text the database stores, or why
 * the value is refused. numeric(18,2) and numeric(9,6) would silently round extra places away, so
 * extra places are refused instead.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(message: string): Checked<T> => ({ ok: false, message });

function toDec(raw: Dec | string): Dec | undefined {
  if (Dec.isDecimal(raw)) return (raw as Dec).isFinite() ? (raw as Dec) : undefined;
  const text = String(raw).trim();
  return isDecimalText(text) ? new Dec(text) : undefined;
}

/** Money in yuan: at most 2 places, within numeric(18,2); `min` 'positive' (> 0) or 'zero' (≥ 0) or 'any'. */
export function checkMoney(raw: Dec | string, min: 'positive' | 'zero' | 'any' = 'positive'): Checked<string> {
  const d = toDec(raw);
  if (!d) return no('must be a decimal number such as 1000000.00');
  if (min === 'positive' && d.lte(0)) return no('must be greater than 0');
  if (min === 'zero' && d.lt(0)) return no('may not be negative');
  if (d.decimalPlaces() > MONEY_SCALE) return no('has at most 2 decimal places (fen)');
  if (d.abs().gt(MAX_MONEY)) return no('is too large');
  return ok(d.toFixed(MONEY_SCALE));
}

/** A rate or share as a fraction in [0, 1] with at most 6 places ("0.008500" is 0.85%). */
export function checkFraction(raw: Dec | string): Checked<string> {
  const d = toDec(raw);
  if (!d) return no('must be a decimal fraction such as 0.008500');
  if (d.lt(0) || d.gt(1)) return no('must be a fraction from 0 to 1 (0.2 is 20%)');
  if (d.decimalPlaces() > RATE_SCALE) return no('has at most 6 decimal places');
  return ok(d.toFixed(RATE_SCALE));
}

/** A calendar date YYYY-MM-DD. */
export function checkDate(raw: string): Checked<string> {
  const text = String(raw).trim();
  return isCalendarDate(text) ? ok(text) : no('must be a calendar date YYYY-MM-DD');
}

/** Trimmed non-blank text of at most `max` characters. */
export function checkText(raw: string | null | undefined, max: number): Checked<string> {
  const text = (raw ?? '').trim();
  if (!text) return no('may not be blank');
  if (text.length > max) return no(`has at most ${max} characters`);
  return ok(text);
}

/** The value, or a BAD_USER_INPUT error naming the field (for single writes that stop at the first problem). */
export function required<T>(field: string, checked: Checked<T>): T {
  if (!checked.ok) throw new BadInputError(field, `${field} ${checked.message}`);
  return checked.value;
}
