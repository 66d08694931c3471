import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../platform/scalars';

@ObjectType({
  simpleResolvers: true,
  description: '政策目标: the policy numbers in force that dashboards measure against (R14: versioned data).',
})
export class PolicyTargets {
  @Field(() => DecimalScalar, { description: '支小支农担保业务占比目标: at least this share of new business by amount (R3, 80%).' })
  smallAgriShare: string;

  @Field(() => DecimalScalar, {
    description:
      '单户500万元及以下占比目标: at least this share of new business by amount (R3, national rule 50%; smallHouseholdShareTarget of the version).',
  })
  smallHouseholdShare: string;

  @Field(() => DecimalScalar, { description: '平均担保费率目标: the average fee rate is at most this (R4, 降至1%以下: 以下 includes 1%).' })
  averageFeeRate: string;

  @Field(() => DecimalScalar, { description: '银行最低分险比例 (R5, 20%).' })
  minBankRiskShare: string;

  @Field(() => DecimalScalar, { description: '单户担保金额上限 for 支小支农 (R1, 10,000,000 yuan).' })
  maxHouseholdAmount: string;
}
