import { Field, ID, InputType } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { BorrowerKind } from '../borrower/borrower.entity';
import { GuaranteeKind, GuaranteeStatus } from './guarantee.entity';

@InputType({ description: '被担保人: registered (or updated) by its identifier when a guarantee is recorded.' })
export class BorrowerInput {
  @Field(() => String, { description: '名称 or 姓名' })
  name: string;

  @Field(() => String, {
    description: '统一社会信用代码 (GB 32100-2015) or 公民身份号码 (GB 11643-1999), check character verified; a lowercase x is read as X.',
  })
  identifier: string;

  @Field(() => BorrowerKind, { description: '类别: decides 支小支农 (R1); GOVERNMENT_PLATFORM is refused (R2).' })
  kind: BorrowerKind;

  @Field(() => ID, { description: '所在区域: the guarantee is counted in this region.' })
  regionId: string;
}

@InputType({ description: '融资担保业务登记: one guarantee the institution gives a bank for a borrower.' })
export class GuaranteeInput {
  @Field(() => ID, { description: "担保机构 (the caller's own)." })
  institutionId: string;

  @Field(() => ID, { description: '贷款银行' })
  bankId: string;

  @Field(() => String, { description: '业务编号: unique within the institution.' })
  code: string;

  @Field(() => BorrowerInput, { description: '被担保人' })
  borrower: BorrowerInput;

  @Field(() => GuaranteeKind, { description: '品种' })
  kind: GuaranteeKind;

  @Field(() => DecimalScalar, { description: '主债权金额 (yuan, > 0, 2 places)' })
  loanAmount: Dec;

  @Field(() => DecimalScalar, { description: '担保金额 (yuan, > 0, 2 places, at most the loan amount)' })
  guaranteedAmount: Dec;

  @Field(() => DecimalScalar, { description: '年化担保费率: a fraction in [0, 1] with up to 6 places.' })
  feeRate: Dec;

  @Field(() => DateScalar, { description: '起始日' })
  startOn: string;

  @Field(() => DateScalar, { description: '到期日: not before startOn.' })
  endOn: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '纳入省再担保: the guarantee is covered by the provincial re-guarantee (a condition of the R8 fee subsidy). Default false.',
  })
  reGuaranteed?: boolean | null;
}

@InputType({ description: '担保业务筛选条件: every condition given must hold.' })
export class GuaranteeFilter {
  @Field(() => ID, { nullable: true, description: '担保机构' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: '贷款银行' })
  bankId?: string | null;

  @Field(() => ID, { nullable: true, description: '被担保人所在区域' })
  regionId?: string | null;

  @Field(() => GuaranteeStatus, { nullable: true, description: '状态' })
  status?: GuaranteeStatus | null;

  @Field(() => Boolean, { nullable: true, description: '支小支农 (R1)' })
  smallAgri?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: '起始日 from (inclusive)' })
  startOnFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '起始日 to (inclusive)' })
  startOnTo?: string | null;
}
