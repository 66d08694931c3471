import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate } from '../../src/platform/lib/dates';

/** The calendar by JavaScript's own Date, in UTC: what the arithmetic in lib/dates.ts must agree with. */
function realDate(y: number, m: number, d: number): boolean {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const YEARS = [...range(1896, 2104), ...range(2996, 3004)];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('calendar dates', () => {
  it('daysInMonth agrees with the calendar, leap years (2000, 2024) and centuries (1900, 2100) included', () => {
    for (const y of YEARS)
      for (let m = 0; m <= 13; m++) expect([y, m, daysInMonth(y, m)]).toEqual([y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()]);
  });

  it('isCalendarDate accepts exactly the real dates from 1900 to 2999 written YYYY-MM-DD', () => {
    for (const y of YEARS)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect([text, isCalendarDate(text)]).toEqual([text, y >= 1900 && y <= 2999 && realDate(y, m, d)]);
        }
    for (const text of ['2024-2-29', '2024-02-29 ', '２０２４-02-01', '2024-02-2x', '20240229', ''])
      expect([text, isCalendarDate(text)]).toEqual([text, false]);
  });
});
