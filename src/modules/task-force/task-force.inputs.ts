import { Field, ID, InputType, Int } from 'type-graphql';
import { TaskForcePosition } from './task-force.entity';

@InputType({ description: '工作专班成员: a member to add (no id) or to change (with id), maintained by the 专班办公室 (R15).' })
export class TaskForceMemberInput {
  @Field(() => ID, { nullable: true, description: '编号 of the member to change; none adds a member.' })
  id?: string | null;

  @Field(() => String, { description: '姓名; white space is removed ("王  刚" is stored as "王刚", R15).' })
  name: string;

  @Field(() => String, { description: '职务 (单位及职务); not blank.' })
  title: string;

  @Field(() => TaskForcePosition, { description: '专班职务: one 组长 at most.' })
  position: TaskForcePosition;

  @Field(() => Boolean, { nullable: true, description: '兼任专班办公室主任 (one at most; default false).' })
  isOfficeDirector?: boolean | null;

  @Field(() => Int, { description: '排序 (≥ 1): the order of the list.' })
  sortOrder: number;
}
