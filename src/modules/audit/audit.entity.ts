import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../access/roles';
import { DateTimeScalar } from '../../platform/scalars';

export enum AuditOutcome {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: '操作结果',
  valuesConfig: { ACCEPTED: { description: '已执行' }, REJECTED: { description: '被拒绝 (error code recorded)' } },
});

/**
 * 审计日志: one row per mutation, accepted or rejected. Append-only: a database trigger rejects
 * UPDATE and DELETE (migration InitialSchema), so not even the application's own user can rewrite it.
 * `detail` keeps the arguments with passwords and tokens removed and long texts (CSV) reduced to their
 * size; it is not exposed through GraphQL.
 */
@ObjectType('AuditLogEntry', {
  simpleResolvers: true,
  description: '审计日志条目: one mutation, accepted or rejected — who, what, on which ids, and the outcome.',
})
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_operation', ['operation', 'id'])
export class AuditLog {
  @Field(() => ID, { description: '编号 (increasing: later entries have larger ids)' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => DateTimeScalar, { description: '时间' })
  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => String, { nullable: true, description: "操作人 (the token's `sub`); null for an anonymous caller (login)." })
  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub: string | null;

  @Field(() => Role, { nullable: true, description: '操作人角色' })
  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: Role | null;

  @Field(() => String, { description: "操作: the mutation's name, e.g. createGuarantee." })
  @Column({ type: 'text' })
  operation: string;

  @Field(() => [ID], { description: '对象编号: ids named in the arguments and the id of the result.' })
  @Column({ name: 'target_ids', type: 'text', array: true, default: () => "'{}'" })
  targetIds: string[];

  @Field(() => AuditOutcome, { description: '结果' })
  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: '错误代码 of a rejected mutation (FORBIDDEN, POLICY_VIOLATION …).' })
  @Column({ name: 'error_code', type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
