import { z } from 'zod';
import { businessToday, isCalendarDate } from '../lib/dates';
import { Dec, isDecimalText, MAX_MONEY, MONEY_SCALE, RATE_SCALE } from '../lib/decimal';
import { isUuid } from '../lib/ids';
import { singleLineProblem, textProblem } from './text';

/**
 * The value schemas every input is declared from, once: GraphQL inputs (parsed by the services) and the rows of
 * an imported CSV or XLSX file take the same ones. Each accepts what the API or a cell gives (a decimal.js value
 * or text) and yields the canonical value the database stores. Messages follow the field name ("loanAmount must
 * be greater than 0"): `issuesOf` puts the field in front.
 */
class Refused {
  constructor(readonly message: string) {}
}

/**
 * A schema from a function that returns the canonical value, or `no(why)`. An absent key reaches the check
 * as undefined (zod 4 would otherwise refuse it with its own message before the check could speak).
 */
export function rule<T>(check: (raw: unknown) => T | Refused) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T => {
      const out = check(raw);
      if (!(out instanceof Refused)) return out;
      ctx.addIssue({ code: 'custom', message: out.message });
      return z.NEVER;
    });
}
export const no = (message: string): Refused => new Refused(message);

function toDec(raw: unknown): Dec | undefined {
  if (Dec.isDecimal(raw)) return (raw as Dec).isFinite() ? (raw as Dec) : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return isDecimalText(text) ? new Dec(text) : undefined;
}

/**
 * Money in yuan: at most 2 places (numeric(18,2) would round a third away silently, so it is refused), within
 * numeric(18,2); `min` 'positive' (> 0), 'zero' (≥ 0) or 'any'. Yields the text with 2 places.
 */
export function money(min: 'positive' | 'zero' | 'any' = 'positive') {
  return rule((raw) => {
    const d = toDec(raw);
    if (!d) return no('must be a decimal number such as 1000000.00');
    if (min === 'positive' && d.lte(0)) return no('must be greater than 0');
    if (min === 'zero' && d.lt(0)) return no('may not be negative');
    if (d.decimalPlaces() > MONEY_SCALE) return no('has at most 2 decimal places (fen)');
    if (d.abs().gt(MAX_MONEY)) return no('is too large');
    return d.toFixed(MONEY_SCALE);
  });
}

/** A rate or share as a fraction in [0, 1] with at most 6 places ("0.008500" is 0.85%). */
export const fraction = rule((raw) => {
  const d = toDec(raw);
  if (!d) return no('must be a decimal fraction such as 0.008500');
  if (d.lt(0) || d.gt(1)) return no('must be a fraction from 0 to 1 (0.2 is 20%)');
  if (d.decimalPlaces() > RATE_SCALE) return no('has at most 6 decimal places');
  return d.toFixed(RATE_SCALE);
});

/**
 * Business dates lie in a sane window of today (Asia/Shanghai), so a typo such as 2999-12-31 never enters the
 * monthly figures: none before EARLIEST_BUSINESS_DATE (the hub's data begin after it); a day on which something
 * happens or starts (a guarantee's start, a signing, a payment) at most one year ahead; a maturity (a guarantee's
 * end, an agreement's expiry) at most MATURITY_YEARS ahead, the longest term a loan of the system runs.
 */
export const EARLIEST_BUSINESS_DATE = '2000-01-01';
export const EVENT_YEARS_AHEAD = 1;
export const MATURITY_YEARS = 30;

function yearsAhead(years: number, today: string): string {
  const [y, m, d] = today.split('-');
  // 29 February a leap year ahead of a non-leap one: the string comparison below still orders correctly.
  return `${Number(y) + years}-${m}-${d}`;
}

/** Today in Shanghai, asked at most once a second: an import checks two dates on each of 100,000 rows. */
let today = { at: 0, date: '' };
function todayNow(): string {
  const now = Date.now();
  if (now - today.at >= 1000) today = { at: now, date: businessToday(new Date(now)) };
  return today.date;
}

function businessDate(yearsLimit: number) {
  return rule((raw) => {
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!isCalendarDate(text)) return no('must be a calendar date YYYY-MM-DD');
    if (text < EARLIEST_BUSINESS_DATE) return no(`may not be before ${EARLIEST_BUSINESS_DATE}`);
    const latest = yearsAhead(yearsLimit, todayNow());
    if (text > latest) return no(`may not be after ${latest}`);
    return text;
  });
}

/** A day something happens or starts: from 2000-01-01 to a year from today. */
export const eventDate = businessDate(EVENT_YEARS_AHEAD);
/** A maturity: from 2000-01-01 to 30 years from today. */
export const maturityDate = businessDate(MATURITY_YEARS);

/** Trimmed, non-blank, single-line text of at most `max` characters (names, codes, titles). */
export function line(max: number) {
  return rule((raw) => {
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) return no('may not be blank');
    if (text.length > max) return no(`has at most ${max} characters`);
    const problem = singleLineProblem(text);
    return problem ? no(problem) : text;
  });
}

/** Optional multi-line text (notes, reasons, comments) of at most `max` characters: absent or blank is null. */
export function note(max: number) {
  return rule((raw) => {
    if (raw === null || raw === undefined) return null;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) return null;
    if (text.length > max) return no(`has at most ${max} characters`);
    const problem = textProblem(text);
    return problem ? no(problem) : text;
  });
}

/** A hub id (a UUID) naming a `what`, in the canonical lower case the database returns. */
export function hubId(what: string) {
  return rule((raw) => (typeof raw === 'string' && isUuid(raw.trim()) ? raw.trim().toLowerCase() : no(`names no ${what}`)));
}

/** For a cross-field refinement: it runs only when the fields it compares are valid themselves. */
export const whenValid =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }): boolean =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

/** One of an enum's values. */
export function oneOf<E extends Record<string, string>>(values: E) {
  const allowed = Object.values(values);
  return rule((raw) => (allowed.includes(raw as string) ? (raw as E[keyof E]) : no(`must be one of ${allowed.join(', ')}`)));
}
