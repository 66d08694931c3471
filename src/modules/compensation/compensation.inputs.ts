import { Field, ID, InputType } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';

@InputType({ description: "代偿登记: a compensation the institution paid the bank on the borrower's default." })
export class CompensationInput {
  @Field(() => ID, { description: "被代偿的担保业务 (one of the institution's own guarantees)." })
  guaranteeId: string;

  @Field(() => DecimalScalar, { description: '代偿金额 (yuan, 2 places): at most the guaranteed amount less earlier compensations.' })
  amount: Dec;

  @Field(() => DateScalar, { description: '代偿日: not before the guarantee started, not in the future.' })
  paidOn: string;

  @Field(() => Boolean, { description: '涉嫌恶意逃废债: opens a lead for case-by-case review (实施意见（十）, R12).' })
  suspectedMalicious: boolean;

  @Field(() => String, { nullable: true, description: '线索材料: the grounds for the suspicion; required when suspectedMalicious.' })
  evidence?: string | null;
}
