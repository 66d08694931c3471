import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TaskForcePosition {
  LEADER = 'LEADER',
  DEPUTY_LEADER = 'DEPUTY_LEADER',
  MEMBER = 'MEMBER',
}

registerEnumType(TaskForcePosition, {
  name: 'TaskForcePosition',
  description: '专班职务',
  valuesConfig: {
    LEADER: { description: '组长 (市长)' },
    DEPUTY_LEADER: { description: '副组长' },
    MEMBER: { description: '成员' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: '工作专班成员: a member of the mayor-led 聊城市政府性融资担保体系建设工作专班 (实施意见（十一）, annex).',
})
@Entity({ name: 'task_force_member' })
export class TaskForceMember {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '姓名, with no padding spaces (R15: "王刚", not "王  刚")' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: '职务 (单位及职务)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => TaskForcePosition, { description: '专班职务: 组长, 副组长 or 成员' })
  @Column({ type: 'varchar', length: 16 })
  position: TaskForcePosition;

  @Field(() => Boolean, { description: '兼任专班办公室主任' })
  @Column({ name: 'is_office_director', type: 'boolean', default: false })
  isOfficeDirector: boolean;

  @Field(() => Int, { description: '排序: order in the annex' })
  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
