import { dec, money } from '../../platform/lib/decimal';
import {
  averageFeeRate,
  compensationRate,
  meanFeeRate,
  smallAgriCountShare,
  smallAgriShare,
  smallHouseholdShare,
} from '../indicators/indicators.calc';

/**
 * The dashboard's figures over the monthly aggregate's sums: the shared ratios (R3, R4, R7,
 * indicators/indicators.calc.ts) and the balance. Money rounds half-up to the fen (../shared/DESIGN.md R7).
 */

/** 在保余额: everything granted up to the period's end less everything released up to then. */
export function outstandingBalance(grantedToDate: string, releasedToDate: string): string {
  return money(dec(grantedToDate).minus(releasedToDate));
}

/** The sums of one group of aggregate cells, as the database returns them (decimal text). */
export interface SliceSums {
  newCount: number;
  newAmount: string;
  smallAgriCount: number;
  smallAgriAmount: string;
  smallHouseholdAmount: string;
  feeWeightedAmount: string;
  feeRateSum: string;
  releasedAmount: string;
  compensatedAmount: string;
  /** Σ new_amount over every month up to the period's end, whatever its start. */
  grantedToDate: string;
  /** Σ released_amount over every month up to the period's end. */
  releasedToDate: string;
}

export interface SliceFigures {
  key: string;
  label: string;
  newCount: number;
  newAmount: string;
  smallAgriCount: number;
  smallAgriCountShare: string | null;
  smallAgriAmount: string;
  smallAgriShare: string | null;
  smallHouseholdAmount: string;
  smallHouseholdShare: string | null;
  averageFeeRate: string | null;
  meanFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
}

export const NO_SUMS: SliceSums = {
  newCount: 0,
  newAmount: '0',
  smallAgriCount: 0,
  smallAgriAmount: '0',
  smallHouseholdAmount: '0',
  feeWeightedAmount: '0',
  feeRateSum: '0',
  releasedAmount: '0',
  compensatedAmount: '0',
  grantedToDate: '0',
  releasedToDate: '0',
};

/** One dashboard slice from its sums. */
export function sliceOf(key: string, label: string, s: SliceSums): SliceFigures {
  return {
    key,
    label,
    newCount: s.newCount,
    newAmount: money(s.newAmount),
    smallAgriCount: s.smallAgriCount,
    smallAgriCountShare: smallAgriCountShare(s.smallAgriCount, s.newCount),
    smallAgriAmount: money(s.smallAgriAmount),
    smallAgriShare: smallAgriShare(s.smallAgriAmount, s.newAmount),
    smallHouseholdAmount: money(s.smallHouseholdAmount),
    smallHouseholdShare: smallHouseholdShare(s.smallHouseholdAmount, s.newAmount),
    averageFeeRate: averageFeeRate(s.feeWeightedAmount, s.newAmount),
    meanFeeRate: meanFeeRate(s.feeRateSum, s.newCount),
    outstandingBalance: outstandingBalance(s.grantedToDate, s.releasedToDate),
    releasedAmount: money(s.releasedAmount),
    compensatedAmount: money(s.compensatedAmount),
    compensationRate: compensationRate(s.compensatedAmount, s.releasedAmount),
  };
}

/** 'YYYY-MM' of every month from `first` to `last`, both included (none when last precedes first). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/**
 * byMonth with no gap, so a chart has a point for every month: each month of the period (`from` null: from the
 * first recorded month) up to `to`, a month without business carrying zero flows, null ratios and the balance at
 * the end of the month before it. `recorded` are the aggregate's month rows up to `to` — before `from` too, for
 * that balance — keyed 'YYYY-MM', oldest first, their to-date sums running.
 */
export function everyMonth(recorded: ReadonlyArray<{ month: string; sums: SliceSums }>, from: string | null, to: string): SliceFigures[] {
  if (from === null && recorded.length === 0) return [];
  const byMonth = new Map(recorded.map((r) => [r.month, r.sums]));
  const first = from ?? recorded[0].month;
  let carried = { grantedToDate: '0', releasedToDate: '0' };
  for (const r of recorded) if (r.month < first) carried = r.sums;
  return monthsBetween(first, to).map((month) => {
    const sums = byMonth.get(month) ?? { ...NO_SUMS, grantedToDate: carried.grantedToDate, releasedToDate: carried.releasedToDate };
    carried = sums;
    return sliceOf(month, month, sums);
  });
}
