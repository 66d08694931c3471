import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../platform/scalars';

/** Where a claim stands: the institution submits it, 市财政局 or 市工业和信息化局 decides it (实施意见（七）牵头单位). */
export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAID = 'PAID',
}

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: '申请状态',
  valuesConfig: {
    SUBMITTED: { description: '已提交, 待审核' },
    APPROVED: { description: '审核通过' },
    REJECTED: { description: '审核不通过 (the institution may submit the year again)' },
    PAID: { description: '已拨付' },
  },
});

@ObjectType({ simpleResolvers: true, description: '补偿档次: one tier of 实施意见（七） and the slice of the compensated amount in it.' })
export class RiskCompensationTier {
  @Field(() => DecimalScalar, { description: '代偿率下限 (included), a fraction: 0.01 is 1%.' })
  fromRate: string;

  @Field(() => DecimalScalar, { nullable: true, description: '代偿率上限; null for the part above the last tier (代偿率超出8%的部分).' })
  toRate: string | null;

  @Field(() => DecimalScalar, { description: '补偿比例 of the tier (1 is 100%; 0 for the part that is not compensated).' })
  ratio: string;

  @Field(() => DecimalScalar, { description: 'Slice of the compensated amount that falls in this tier.' })
  base: string;

  @Field(() => DecimalScalar, { description: '本档补偿额: base × ratio, half-up to the fen.' })
  payout: string;
}

@ObjectType({ simpleResolvers: true, description: "市级风险补偿: tiered reimbursement of compensations by the city's finance bureau." })
export class RiskCompensationQuote {
  @Field(() => DecimalScalar, { description: "解保额: guarantees released (repaid or compensated) in the year — the rate's denominator." })
  releasedAmount: string;

  @Field(() => DecimalScalar, { description: "代偿额: compensations paid in the year — the rate's numerator." })
  compensatedAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: '代偿率 = 代偿额 ÷ 解保额, 6 places; null when nothing was released.' })
  compensationRate: string | null;

  @Field(() => DecimalScalar, { description: "补偿金额: the sum of the tiers' payouts." })
  payout: string;

  @Field(() => [RiskCompensationTier], {
    description: '各档补偿明细, in rate order, ending with the uncompensated part above the last tier.',
  })
  tiers: RiskCompensationTier[];
}
