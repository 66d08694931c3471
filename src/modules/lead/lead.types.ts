import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../platform/scalars';
import { LeadStatus } from './lead.entity';

/**
 * What a lead shows (实施意见（十）: 线索移交公安部门). A flat projection built from one joined row, holding
 * final values only: the police read the institution, the borrower and the compensation they need, and
 * no field leads on to the compensation, guarantee, institution or borrower objects (../shared/DESIGN.md §3).
 */
@ObjectType('MaliciousDefaultLead', {
  simpleResolvers: true,
  description: '恶意逃废债线索: a malicious debt-evasion lead, reviewed case by case and handed to the police.',
})
export class LeadView {
  @Field(() => ID, { description: '编号: the hub id' })
  id: string;

  @Field(() => String, { description: '担保机构名称: the institution that paid the compensation.' })
  institutionName: string;

  @Field(() => String, { description: '被担保人名称 or 姓名' })
  borrowerName: string;

  @Field(() => String, {
    description:
      '被担保人统一社会信用代码 or 身份证号码: in full for the police, the owning institution and the financial regulator; masked otherwise.',
  })
  borrowerIdentifier: string;

  @Field(() => DecimalScalar, { description: '代偿金额 (yuan)' })
  compensationAmount: string;

  @Field(() => DateScalar, { description: '代偿日' })
  compensationPaidOn: string;

  @Field(() => String, { description: "线索材料: the institution's grounds for the suspicion." })
  evidence: string;

  @Field(() => LeadStatus, { description: '线索状态' })
  status: LeadStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '移交公安时间' })
  transferredAt: Date | null;

  @Field(() => String, { nullable: true, description: '公安立案编号' })
  policeCaseNumber: string | null;

  @Field(() => String, { nullable: true, description: '公安核查情况' })
  policeNote: string | null;
}
