import { Dec, dec } from '../../platform/lib/decimal';
import { ratio } from '../indicators/indicators.calc';

/**
 * The indicators of a 绩效考核 (实施意见（九）, ../shared/DESIGN.md R11) as pure functions over decimal text: R3 支小支农
 * share, R4 average fee rate, R7 compensation rate (indicators/indicators.calc.ts) and R9 leverage (放大倍数).
 * Ratios are rounded half-up to 6 places, as stored. Every bound comes from the policy parameter set in force, passed in.
 */

/** R9's numbers from the policy set in force (融资担保责任余额计量办法 as the city adopts it). */
export interface LeverageWeights {
  /** 单户在保余额 bound for small/micro loan guarantees (5,000,000 "及以下": inclusive). */
  smallLoanAmount: string;
  /** 单户在保余额 bound for farmer loan guarantees (2,000,000 inclusive). */
  farmerLoanAmount: string;
  /** Weight of those (75%). */
  smallWeight: string;
}

/** 小微企业 borrowers for R9's 75% weight (individual businesses count as small/micro, as in R1). */
export const SMALL_MICRO: ReadonlySet<string> = new Set(['SMALL_ENTERPRISE', 'MICRO_ENTERPRISE', 'INDIVIDUAL_BUSINESS']);
/** 农户 borrowers for R9's 75% weight. */
export const FARMERS: ReadonlySet<string> = new Set(['FARMER']);
/** "Other" guarantees count in full: the liability balance itself. */
const FULL_WEIGHT = new Dec(1);

/**
 * One borrower's in-force guarantees of one kind at the institution: `balance` is their guaranteed amount,
 * which for LOAN guarantees is also the borrower's 单户在保余额 the 75% bounds are judged on.
 */
export interface HouseholdBalance {
  borrowerKind: string;
  guaranteeKind: string;
  balance: string;
}

/**
 * R9 weight of a household's balance: 75% small/micro ≤ 5,000,000 or farmer ≤ 2,000,000 loans, else 100%. Bonds
 * weigh 80% only when the issuer is rated AA or above (银保监发〔2018〕1号); the hub records no rating, so a bond
 * guarantee counts in full.
 */
export function leverageWeight(h: HouseholdBalance, w: LeverageWeights): Dec {
  if (h.guaranteeKind === 'LOAN') {
    if (SMALL_MICRO.has(h.borrowerKind) && dec(h.balance).lte(w.smallLoanAmount)) return dec(w.smallWeight);
    if (FARMERS.has(h.borrowerKind) && dec(h.balance).lte(w.farmerLoanAmount)) return dec(w.smallWeight);
  }
  return FULL_WEIGHT;
}

/** 融资担保责任余额: Σ balance × weight. */
export function weightedLiability(households: readonly HouseholdBalance[], w: LeverageWeights): Dec {
  return households.reduce((sum, h) => sum.plus(dec(h.balance).times(leverageWeight(h, w))), new Dec(0));
}

/**
 * 融资担保责任余额 from sums rather than households (R17's warnings, over maintained balances): the whole in-force
 * balance less (1 − weight) × the LOAN balances that weigh 75% — exactly Σ balance × leverageWeight.
 */
export function weightedLiabilityFromSums(total: string, smallWeighted: string, smallWeight: string): Dec {
  return dec(total).minus(dec(smallWeighted).times(new Dec(1).minus(smallWeight)));
}

/** R9 放大倍数 = weighted liability balance ÷ net assets; null when net assets ≤ 0 (no meaningful multiple). */
export function leverage(households: readonly HouseholdBalance[], netAssets: string, w: LeverageWeights): string | null {
  if (dec(netAssets).lte(0)) return null;
  return ratio(weightedLiability(households, w).toFixed(), netAssets);
}

/** A score: 0–100 with at most 2 decimal places (numeric(5,2)); why not, or null. */
export function scoreProblem(score: Dec): string | null {
  if (!score.isFinite()) return 'score must be a number';
  if (score.lt(0) || score.gt(100)) return 'score must be from 0 to 100';
  if (score.decimalPlaces() > 2) return 'score has at most 2 decimal places';
  return null;
}
