/**
 * Calendar dates in Asia/Shanghai business terms, carried as 'YYYY-MM-DD' strings so that no
 * time zone can shift a day. PostgreSQL `date` values are read as text (see db/data-source.ts).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
