import { dec, rate } from '../../platform/lib/decimal';

/**
 * The indicator maths every figure of the hub shares — dashboards, evaluations, monthly reports, risk
 * compensation — as pure functions of decimal text. A ratio over nothing is null, never 0: "no new business"
 * is not "0% 支小支农". Rates round half-up to 6 places (numeric(9,6), ../shared/DESIGN.md R7).
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

/** R4 (平均担保费率降至1%以下): amount-weighted annualised rate, Σ amount × rate ÷ Σ amount of the period's new business. */
export function averageFeeRate(feeWeightedAmount: string, newAmount: string): string | null {
  return ratio(feeWeightedAmount, newAmount);
}

/** R7 (实施意见（七）): 代偿率 = compensations paid ÷ guarantees released (repaid or compensated) in the period. */
export function compensationRate(compensatedAmount: string, releasedAmount: string): string | null {
  return ratio(compensatedAmount, releasedAmount);
}
