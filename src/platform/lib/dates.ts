/**
 * Calendar dates in Asia/Shanghai business terms, carried as 'YYYY-MM-DD' strings so that no
 * time zone can shift a day. PostgreSQL `date` values are read as text (see db/data-source.ts).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** Digits at `from`..`to` of a string already known to be digits. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/** A real date YYYY-MM-DD from 1900 to 2999. Allocation-free: every date a page shows passes through it. */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || !ISO_DATE.test(value)) return false;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Built once: a formatter costs far more to build than to use, and every business date check asks for today. */
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Shanghai, whatever the server's own zone. */
export function businessToday(now: Date = new Date()): string {
  return SHANGHAI_DAY.format(now);
}

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}
