import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';

/** R7: how the tiers turn a compensation rate into a payout. */
export enum RiskCompensationMode {
  PROGRESSIVE = 'PROGRESSIVE',
  FLAT_CAPPED = 'FLAT_CAPPED',
}

registerEnumType(RiskCompensationMode, {
  name: 'RiskCompensationMode',
  description: '风险补偿计算方式 (R7)',
  valuesConfig: {
    PROGRESSIVE: { description: '分段累进: each slice of the compensated amount at its band’s ratio (the default)' },
    FLAT_CAPPED: { description: '整体封顶: the whole amount up to the top band’s rate at the ratio of the institution’s rate' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'One band of the R7 tiers: compensation rates from fromRate (inclusive) to toRate (inclusive only for the last band) are reimbursed at ratio.',
})
export class RiskCompensationBand {
  @Field(() => DecimalScalar, { description: '代偿率下限 (inclusive)' })
  fromRate: string;

  @Field(() => DecimalScalar, { description: '代偿率上限 (exclusive, but inclusive for the last band)' })
  toRate: string;

  @Field(() => DecimalScalar, { description: '补偿比例' })
  ratio: string;
}

@InputType({ description: 'One band of the R7 tiers; the bands start at 0 and follow each other without gaps.' })
export class RiskCompensationBandInput {
  @Field(() => DecimalScalar, { description: '代偿率下限: 0 for the first band, the previous band’s toRate after it' })
  fromRate: Dec;

  @Field(() => DecimalScalar, { description: '代偿率上限, above fromRate' })
  toRate: Dec;

  @Field(() => DecimalScalar, { description: '补偿比例, a fraction from 0 to 1' })
  ratio: Dec;
}

@ObjectType('PolicyParameterSet', {
  simpleResolvers: true,
  description:
    "A version of the policy's numbers (R14). The version whose effectiveFrom is the latest on or before a business date governs that date.",
})
export class PolicyParameterSetView {
  @Field(() => ID, { description: '编号: the hub id' })
  id: string;

  @Field(() => DateScalar, { description: '生效日期' })
  effectiveFrom: string;

  @Field(() => String, { description: 'The document the numbers come from, with its number (文号).' })
  basis: string;

  @Field(() => DecimalScalar, { description: 'R3: target share of new business that is 支小支农, by amount' })
  smallAgriShareTarget: string;

  @Field(() => DecimalScalar, { description: 'Target share of new business with single-household amounts of at most 5,000,000.' })
  smallHouseholdShareTarget: string;

  @Field(() => DecimalScalar, { description: 'R4: the average fee rate is at most this' })
  averageFeeRateTarget: string;

  @Field(() => DecimalScalar, { description: 'R5: the bank bears at least this share of each loss' })
  minBankRiskShare: string;

  @Field(() => DecimalScalar, { description: 'R1: single-household in-force amount of 支小支农 business' })
  maxHouseholdAmount: string;

  @Field(() => RiskCompensationMode, { description: 'R7 calculation mode' })
  riskCompensationMode: RiskCompensationMode;

  @Field(() => [RiskCompensationBand], { description: 'R7 tiers, from the lowest rate' })
  riskCompensationBands: RiskCompensationBand[];

  @Field(() => DecimalScalar, { description: 'R8: highest annualised fee rate that still qualifies (inclusive)' })
  feeSubsidyMaxFeeRate: string;

  @Field(() => DecimalScalar, { description: 'R8: subsidy as a share of the eligible guaranteed amount' })
  feeSubsidyRate: string;

  @Field(() => Boolean, { description: 'R8: only business 纳入省再担保 qualifies' })
  feeSubsidyRequiresReGuarantee: boolean;

  @Field(() => DecimalScalar, { description: 'R9: leverage cap' })
  maxLeverage: string;

  @Field(() => DecimalScalar, { description: 'R9: leverage cap of institutions mainly serving small/micro and 三农' })
  maxLeverageSmallAgri: string;

  @Field(() => DecimalScalar, {
    description: "R16: one borrower's in-force guaranteed amount at an institution, as a share of its net assets.",
  })
  maxSingleBorrowerShare: string;

  @Field(() => Int, { description: 'Day of the next month by which a monthly report is due.' })
  reportDueDay: number;
}

@InputType({ description: 'A new version: every field left out is copied from the version in force on effectiveFrom.' })
export class PolicyParameterSetInput {
  @Field(() => DateScalar, { description: '生效日期: not before the policy (2023-03-29), not the date of an existing version' })
  effectiveFrom: string;

  @Field(() => String, { description: '依据文件及文号' })
  basis: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'R3 target share' })
  smallAgriShareTarget?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R3 single-household ≤ 5,000,000 target share' })
  smallHouseholdShareTarget?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R4 target' })
  averageFeeRateTarget?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R5 minimum' })
  minBankRiskShare?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R1 household cap' })
  maxHouseholdAmount?: Dec | null;

  @Field(() => RiskCompensationMode, { nullable: true, description: 'R7 mode' })
  riskCompensationMode?: RiskCompensationMode | null;

  @Field(() => [RiskCompensationBandInput], { nullable: true, description: 'R7 tiers' })
  riskCompensationBands?: RiskCompensationBandInput[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R8 highest fee rate' })
  feeSubsidyMaxFeeRate?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R8 subsidy rate' })
  feeSubsidyRate?: Dec | null;

  @Field(() => Boolean, { nullable: true, description: 'R8 re-guarantee condition' })
  feeSubsidyRequiresReGuarantee?: boolean | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R9 cap' })
  maxLeverage?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R9 cap for institutions mainly serving small/micro and 三农' })
  maxLeverageSmallAgri?: Dec | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'R16 share' })
  maxSingleBorrowerShare?: Dec | null;

  @Field(() => Int, { nullable: true, description: 'R13 report due day, 1 to 28' })
  reportDueDay?: number | null;
}
