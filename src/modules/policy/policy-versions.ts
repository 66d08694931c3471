import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { SystemScope } from '../../access/system-scope';
import { BadInputError, ConflictError, ForbiddenError } from '../../platform/errors';
import { Dec, RATE_SCALE } from '../../platform/lib/decimal';
import { parseField } from '../../platform/validation/parse';
import { fraction, line, money } from '../../platform/validation/schemas';
import type { CompensationTierSetting, PolicyParameterSet } from './policy.entity';
import { PolicyRepo } from './policy.repo';
import type { PolicyService } from './policy.service';
import {
  RiskCompensationMode,
  type PolicyParameterSetInput,
  type PolicyParameterSetView,
  type RiskCompensationBandInput,
} from './policy-version.types';

/** 实施意见 of 2023-03-29: no version of its numbers can start before the policy itself (R14). */
export const POLICY_START = '2023-03-29';

const FRACTIONS = [
  ['smallAgriShareTarget', 'small_agri_target_share', 'smallAgriTargetShare'],
  ['smallHouseholdShareTarget', 'small_household_target_share', 'smallHouseholdTargetShare'],
  ['averageFeeRateTarget', 'fee_rate_target', 'feeRateTarget'],
  ['minBankRiskShare', 'min_bank_risk_share', 'minBankRiskShare'],
  ['feeSubsidyMaxFeeRate', 'subsidy_max_fee_rate', 'subsidyMaxFeeRate'],
  ['feeSubsidyRate', 'fee_subsidy_rate', 'feeSubsidyRate'],
  ['maxSingleBorrowerShare', 'max_single_borrower_share', 'maxSingleBorrowerShare'],
] as const;

/** R14: the policy's numbers are reference data, the same for every viewer the rules admit. */
const VERSIONS = SystemScope.because('R14 policy parameter versions: reference data, the same for every reader');

/** R14: the versions of the policy's numbers, read by every government role and added by the city's FINANCE. */
export class PolicyVersions {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  async list(): Promise<PolicyParameterSetView[]> {
    const sets = await new PolicyRepo(this.manager).list(VERSIONS);
    return sets.map(view);
  }

  /** A new version; what it leaves out is copied from the version in force on its date. */
  async add(input: PolicyParameterSetInput): Promise<PolicyParameterSetView> {
    if (this.scope.viewer?.regionId) throw new ForbiddenError('Only the city finance bureau sets the policy numbers');
    if (input.effectiveFrom < POLICY_START)
      throw new BadInputError('effectiveFrom', `effectiveFrom may not be before the policy (${POLICY_START})`);
    const basis = parseField('basis', line(500), input.basis);
    const base = await this.policy.inForce(input.effectiveFrom);
    if (base.effectiveOn === input.effectiveFrom) throw new ConflictError(`A version already starts on ${input.effectiveFrom}`);

    const row: Record<string, unknown> = { ...columnsOf(base), effective_on: input.effectiveFrom, source: basis };
    for (const [field, column] of FRACTIONS) {
      const raw = input[field];
      if (raw != null) row[column] = parseField(field, fraction, raw);
    }
    if (input.maxSingleBorrowerShare != null && new Dec(String(row.max_single_borrower_share)).isZero())
      throw new BadInputError('maxSingleBorrowerShare', 'maxSingleBorrowerShare must be greater than 0');
    if (input.maxHouseholdAmount != null) row.max_household_amount = parseField('maxHouseholdAmount', money(), input.maxHouseholdAmount);
    if (input.riskCompensationMode != null) row.compensation_mode = input.riskCompensationMode;
    if (input.riskCompensationBands != null) row.compensation_tiers = JSON.stringify(tiersOf(input.riskCompensationBands));
    if (input.feeSubsidyRequiresReGuarantee != null) row.fee_subsidy_requires_re_guarantee = input.feeSubsidyRequiresReGuarantee;
    if (input.maxLeverage != null) row.leverage_cap = multiple('maxLeverage', input.maxLeverage);
    if (input.maxLeverageSmallAgri != null) row.leverage_cap_focused = multiple('maxLeverageSmallAgri', input.maxLeverageSmallAgri);
    if (new Dec(String(row.leverage_cap_focused)).lt(String(row.leverage_cap)))
      throw new BadInputError('maxLeverageSmallAgri', 'maxLeverageSmallAgri may not be below maxLeverage');
    if (input.reportDueDay != null) {
      if (!Number.isInteger(input.reportDueDay) || input.reportDueDay < 1 || input.reportDueDay > 28)
        throw new BadInputError('reportDueDay', 'reportDueDay is a day from 1 to 28');
      row.report_due_day = input.reportDueDay;
    }

    const repo = new PolicyRepo(this.manager);
    const id = await repo.insert(row);
    return view((await repo.get(VERSIONS, id))!);
  }
}

/** The stored columns of a version, to copy into the next one. */
function columnsOf(p: PolicyParameterSet): Record<string, unknown> {
  return {
    max_household_amount: p.maxHouseholdAmount,
    small_agri_target_share: p.smallAgriTargetShare,
    small_household_amount: p.smallHouseholdAmount,
    small_household_target_share: p.smallHouseholdTargetShare,
    fee_rate_target: p.feeRateTarget,
    min_bank_risk_share: p.minBankRiskShare,
    compensation_tiers: JSON.stringify(p.compensationTiers),
    compensation_mode: p.compensationMode,
    subsidy_max_fee_rate: p.subsidyMaxFeeRate,
    fee_subsidy_rate: p.feeSubsidyRate,
    fee_subsidy_requires_re_guarantee: p.feeSubsidyRequiresReGuarantee,
    leverage_small_loan_amount: p.leverageSmallLoanAmount,
    leverage_farmer_loan_amount: p.leverageFarmerLoanAmount,
    leverage_small_weight: p.leverageSmallWeight,
    leverage_bond_weight: p.leverageBondWeight,
    leverage_cap: p.leverageCap,
    leverage_cap_focused: p.leverageCapFocused,
    max_single_borrower_share: p.maxSingleBorrowerShare,
    report_due_day: p.reportDueDay,
  };
}

/** R7 bands: from 0, each starting where the last ended, rates and ratios fractions; the last band's top is inclusive. */
export function tiersOf(bands: readonly RiskCompensationBandInput[]): CompensationTierSetting[] {
  if (!bands.length) throw new BadInputError('riskCompensationBands', 'riskCompensationBands needs at least one band');
  let from = new Dec(0);
  return bands.map((b, i) => {
    const field = `riskCompensationBands.${i}`;
    const fromRate = parseField(`${field}.fromRate`, fraction, b.fromRate);
    const toRate = parseField(`${field}.toRate`, fraction, b.toRate);
    const ratio = parseField(`${field}.ratio`, fraction, b.ratio);
    if (!from.eq(fromRate)) throw new BadInputError(`${field}.fromRate`, `${field}.fromRate must be ${from.toFixed()} (no gaps, from 0)`);
    if (!new Dec(toRate).gt(fromRate)) throw new BadInputError(`${field}.toRate`, `${field}.toRate must be above its fromRate`);
    from = new Dec(toRate);
    return { fromRate: trim(fromRate), toRate: trim(toRate), toInclusive: i === bands.length - 1, ratio: trim(ratio) };
  });
}

function multiple(field: string, raw: Dec): string {
  const d = new Dec(String(raw));
  if (!d.isFinite() || d.lte(0) || d.gt(9999999) || d.decimalPlaces() > 2)
    throw new BadInputError(field, `${field} must be a positive multiple with at most 2 decimal places`);
  return d.toFixed(2);
}

const trim = (text: string): string => new Dec(text).toFixed();

export function view(p: PolicyParameterSet): PolicyParameterSetView {
  const rateText = (v: string) => new Dec(v).toFixed(RATE_SCALE);
  return {
    id: p.id,
    effectiveFrom: p.effectiveOn,
    basis: p.source,
    smallAgriShareTarget: p.smallAgriTargetShare,
    smallHouseholdShareTarget: p.smallHouseholdTargetShare,
    averageFeeRateTarget: p.feeRateTarget,
    minBankRiskShare: p.minBankRiskShare,
    maxHouseholdAmount: p.maxHouseholdAmount,
    riskCompensationMode: p.compensationMode as RiskCompensationMode,
    riskCompensationBands: p.compensationTiers.map((t) => ({
      fromRate: rateText(t.fromRate),
      toRate: rateText(t.toRate ?? '1'),
      ratio: rateText(t.ratio),
    })),
    feeSubsidyMaxFeeRate: p.subsidyMaxFeeRate,
    feeSubsidyRate: p.feeSubsidyRate,
    feeSubsidyRequiresReGuarantee: p.feeSubsidyRequiresReGuarantee,
    maxLeverage: p.leverageCap,
    maxLeverageSmallAgri: p.leverageCapFocused,
    maxSingleBorrowerShare: p.maxSingleBorrowerShare,
    reportDueDay: p.reportDueDay,
  };
}
