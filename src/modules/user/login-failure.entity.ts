import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed login (login-guard.ts), kept for the throttle window only. Not part of the API: no @ObjectType.
 * The guard reads and writes it with SQL; the entity is here so the schema checks know the table.
 */
@Entity({ name: 'login_failure' })
@Index('ix_login_failure_account', ['account', 'failedAt'])
@Index('ix_login_failure_address', ['address', 'failedAt'])
@Index('ix_login_failure_failed_at', ['failedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** SHA-256 (hex) of the username as typed, lower-cased. */
  @Column({ type: 'char', length: 64 })
  account: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt: Date;
}
