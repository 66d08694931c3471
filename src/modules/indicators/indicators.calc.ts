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

/** R3's count share: 支小支农 guarantees ÷ all new guarantees of the period (by number, not amount). */
export function smallAgriCountShare(smallAgriCount: number, newCount: number): string | null {
  return ratio(String(smallAgriCount), String(newCount));
}

/**
 * R3's national sub-target (国办发〔2019〕6号: 单户500万元及以下占比不低于50%): the new amount of 支小支农 guarantees
 * whose borrower's in-force amount at the institution, this guarantee included, was at most 5,000,000 at grant
 * (smallHouseholdAmount of the version in force on its start day, inclusive), ÷ all new amount of the period.
 */
export function smallHouseholdShare(smallHouseholdAmount: string, newAmount: string): string | null {
  return ratio(smallHouseholdAmount, newAmount);
}

/** R4's plain mean: Σ fee rate ÷ number of new guarantees, each guarantee counting once whatever its amount. */
export function meanFeeRate(feeRateSum: string, newCount: number): string | null {
  return ratio(feeRateSum, String(newCount));
}
