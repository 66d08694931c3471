import { Dec, money } from '../../platform/lib/decimal';

/**
 * 担保费补贴 (实施意见（八）"对符合条件的政府性融资担保机构给予一定担保费补贴", DESIGN R8, 聊财金〔2023〕14号) as pure
 * functions: which guarantees qualify and what the subsidy is. The numbers are the parameter version's (R14).
 */

/** R8's conditions in a parameter version: the fee ceiling ("不超过": included) and whether 纳入省再担保 is required. */
export interface FeeSubsidyConditions {
  maxFeeRate: string;
  requiresReGuarantee: boolean;
}

/** A guarantee started in the claim's year, as the claim sees it. */
export interface FeeSubsidyCandidate {
  /** R1 支小支农, decided and stored at grant (household in force ≤ 10,000,000 included). */
  smallAgri: boolean;
  feeRate: string;
  reGuaranteed: boolean;
  guaranteedAmount: string;
}

export interface FeeSubsidyFigures {
  eligibleCount: number;
  eligibleAmount: string;
  subsidyRate: string;
  subsidy: string;
}

/** Whether a guarantee qualifies: 支小支农 (R1), annualised fee ≤ the ceiling, and re-guaranteed while that is required. */
export function isFeeSubsidyEligible(g: Omit<FeeSubsidyCandidate, 'guaranteedAmount'>, c: FeeSubsidyConditions): boolean {
  if (!g.smallAgri) return false;
  if (new Dec(g.feeRate).gt(c.maxFeeRate)) return false;
  return !c.requiresReGuarantee || g.reGuaranteed;
}

/** The claim's figures over its eligible guarantees: subsidy = eligible amount × rate, half-up to the fen (never per guarantee). */
export function feeSubsidyFigures(eligible: readonly Pick<FeeSubsidyCandidate, 'guaranteedAmount'>[], rate: string): FeeSubsidyFigures {
  const amount = eligible.reduce((sum, g) => sum.plus(g.guaranteedAmount), new Dec(0));
  return {
    eligibleCount: eligible.length,
    eligibleAmount: money(amount),
    subsidyRate: new Dec(rate).toFixed(6),
    subsidy: money(amount.times(rate)),
  };
}
