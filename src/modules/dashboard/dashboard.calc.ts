import { dec, money, rate } from '../../platform/lib/decimal';

/**
 * The dashboard's ratios (DESIGN.md R3, R4, R7) over the monthly aggregate's sums, as pure functions of
 * decimal text. A ratio over nothing is null, never 0: "no new business" is not "0% 支小支农". Rates round
 * half-up to 6 places, money half-up to the fen (DESIGN.md R7).
 */

/** part ÷ whole to 6 places, or null when whole is 0. */
export function ratio(part: string, whole: string): string | null {
  const w = dec(whole);
  if (w.isZero()) return null;
  return rate(dec(part).div(w));
}

/** R3 (实施意见（二）: 支小支农担保业务占比达到80%以上): 支小支农 amount ÷ new amount of the period. */
export function smallAgriShare(smallAgriAmount: string, newAmount: string): string | null {
  return ratio(smallAgriAmount, newAmount);
}

/** R4 (平均担保费率降至1%以下): amount-weighted average, Σ amount × rate ÷ Σ amount. */
export function averageFeeRate(feeWeightedAmount: string, newAmount: string): string | null {
  return ratio(feeWeightedAmount, newAmount);
}

/** R7 (实施意见（七）): 代偿率 = compensations paid ÷ guarantees released (repaid or compensated) in the period. */
export function compensationRate(compensatedAmount: string, releasedAmount: string): string | null {
  return ratio(compensatedAmount, releasedAmount);
}

/** 在保余额: everything granted up to the period's end less everything released up to then. */
export function outstandingBalance(grantedToDate: string, releasedToDate: string): string {
  return money(dec(grantedToDate).minus(releasedToDate));
}

/** The sums of one group of aggregate cells, as the database returns them (decimal text). */
export interface SliceSums {
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  feeWeightedAmount: string;
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
  smallAgriAmount: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
}

export const NO_SUMS: SliceSums = {
  newCount: 0,
  newAmount: '0',
  smallAgriAmount: '0',
  feeWeightedAmount: '0',
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
    smallAgriAmount: money(s.smallAgriAmount),
    smallAgriShare: smallAgriShare(s.smallAgriAmount, s.newAmount),
    averageFeeRate: averageFeeRate(s.feeWeightedAmount, s.newAmount),
    outstandingBalance: outstandingBalance(s.grantedToDate, s.releasedToDate),
    releasedAmount: money(s.releasedAmount),
    compensatedAmount: money(s.compensatedAmount),
    compensationRate: compensationRate(s.compensatedAmount, s.releasedAmount),
  };
}
