import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../platform/scalars';
import { InspectionKind } from './oversight.entity';

@InputType({ description: '检查登记 (实施意见（十）, R20)' })
export class InspectionInput {
  @Field(() => ID, { description: '被检查机构编号' })
  institutionId: string;

  @Field(() => InspectionKind, { description: '检查方式' })
  kind: InspectionKind;

  @Field(() => DateScalar, { description: '检查日期: not in the future' })
  inspectedOn: string;

  @Field(() => String, { description: '检查发现 (at most 4,000 characters)' })
  findings: string;

  @Field(() => DateScalar, { nullable: true, description: '整改期限: on or after the inspection' })
  rectificationDueOn?: string | null;
}

@InputType({ description: '专班会议登记 (实施意见（十一）, R20)' })
export class TaskForceMeetingInput {
  @Field(() => DateScalar, { description: '会议日期: not in the future' })
  heldOn: string;

  @Field(() => String, { description: '议题 (at most 200 characters)' })
  topic: string;

  @Field(() => [String], { description: '议定事项: at least one, each at most 1,000 characters' })
  decisions: string[];

  @Field(() => [ID], { nullable: true, description: '督导机构编号' })
  supervisedInstitutionIds?: string[] | null;
}
