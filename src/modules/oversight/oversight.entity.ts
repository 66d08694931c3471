import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../platform/scalars';

export enum InspectionKind {
  ON_SITE = 'ON_SITE',
  OFF_SITE = 'OFF_SITE',
}

registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description: '检查方式 (实施意见（十）)',
  valuesConfig: { ON_SITE: { description: '现场检查' }, OFF_SITE: { description: '非现场监管' } },
});

export enum InspectionStatus {
  OPEN = 'OPEN',
  RECTIFIED = 'RECTIFIED',
}

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: '整改状态',
  valuesConfig: { OPEN: { description: '待整改' }, RECTIFIED: { description: '已整改' } },
});

/** 现场检查 / 非现场监管 (实施意见（十）, R20): findings and their rectification. */
@ObjectType({ simpleResolvers: true, description: '现场检查 / 非现场监管 by the local financial regulator (实施意见（十）, R20).' })
@Entity({ name: 'inspection' })
export class Inspection {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => InspectionKind, { description: '检查方式' })
  @Column({ type: 'varchar', length: 16 })
  kind: InspectionKind;

  @Field(() => DateScalar, { description: '检查日期' })
  @Column({ name: 'inspected_on', type: 'date' })
  inspectedOn: string;

  /** Exposed through the resolver, which masks identifiers for viewers without the right to them. */
  @Column({ type: 'text' })
  findings: string;

  @Field(() => DateScalar, { nullable: true, description: '整改期限' })
  @Column({ name: 'rectification_due_on', type: 'date', nullable: true })
  rectificationDueOn: string | null;

  @Field(() => InspectionStatus, { description: '整改状态' })
  @Column({ type: 'varchar', length: 16 })
  status: InspectionStatus;

  @Field(() => DateScalar, { nullable: true, description: '整改完成日期' })
  @Column({ name: 'rectified_on', type: 'date', nullable: true })
  rectifiedOn: string | null;

  @Column({ name: 'rectification_note', type: 'text', nullable: true })
  rectificationNote: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 专班会议 (实施意见（十一）, R20): decisions, and the institutions the meeting put under supervision. */
@ObjectType({ simpleResolvers: true, description: '专班会议 (实施意见（十一）, R20).' })
@Entity({ name: 'task_force_meeting' })
export class TaskForceMeeting {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DateScalar, { description: '会议日期' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => String, { description: '议题' })
  @Column({ type: 'text' })
  topic: string;

  @Field(() => [String], { description: '议定事项, in the order decided' })
  @Column({ type: 'text', array: true })
  decisions: string[];

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Which institutions a meeting put under supervision (督导对象). Not exposed itself: read through the meeting. */
@Entity({ name: 'task_force_meeting_institution' })
export class TaskForceMeetingInstitution {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Index()
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;
}
