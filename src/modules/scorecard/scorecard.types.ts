import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../platform/scalars';

@ObjectType({
  simpleResolvers: true,
  description: '银担合作 figures of one bank for one year, for 银行支持地方经济发展考核 (实施意见（四）, R19).',
})
export class BankScorecard {
  /** Resolved to the bank through the request's scoped loader. */
  bankId: string;

  @Field(() => Int, { description: '年度' })
  year: number;

  @Field(() => Int, { description: 'Agreements in force on 31 December.' })
  agreementCount: number;

  @Field(() => DecimalScalar, { description: '授信额度: of the agreements in force on 31 December' })
  creditLine: string;

  @Field(() => DecimalScalar, { description: '已用额度: in-force amount under those agreements' })
  usedCredit: string;

  @Field(() => Int, { description: "Guarantees started in the year on the bank's loans." })
  newCount: number;

  @Field(() => DecimalScalar, { description: '新增担保金额' })
  newAmount: string;

  @Field(() => DecimalScalar, { description: '支小支农 part of the new amount (R1)' })
  smallAgriAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: "Amount-weighted bank risk share of the year's new guarantees." })
  averageBankRiskShare: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Share of the year's new amount written under 总对总 batch agreements." })
  batchShare: string | null;

  @Field(() => DecimalScalar, { description: '代偿金额: compensations paid in the year on its loans' })
  compensatedAmount: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '代偿率: compensated ÷ released in the year (R7), null when nothing was released',
  })
  compensationRate: string | null;
}
