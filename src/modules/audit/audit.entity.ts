import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 审计日志: one row per mutation, accepted or rejected. Append-only: a database trigger rejects
 * UPDATE and DELETE (migration InitialSchema), so not even the application's own user can rewrite it.
 */
@Entity({ name: 'audit_log' })
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'text' })
  operation: string;

  @Column({ name: 'target_ids', type: 'text', array: true, default: () => "'{}'" })
  targetIds: string[];

  @Column({ type: 'varchar', length: 16 })
  outcome: 'ACCEPTED' | 'REJECTED';

  @Column({ name: 'error_code', type: 'varchar', length: 32, nullable: true })
  errorCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
