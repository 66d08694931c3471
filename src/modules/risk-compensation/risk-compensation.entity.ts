import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimStatus } from './risk-compensation.types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../platform/scalars';

/** 市级风险补偿申请 (实施意见（七）, R7): the quote is frozen into the claim when it is submitted. */
@Entity({ name: 'risk_compensation_claim' })
@ObjectType({
  simpleResolvers: true,
  description: '市级风险补偿申请 (实施意见（七）): one per institution and year; its quote is frozen at submission.',
})
@Index('uq_risk_claim_open', ['institutionId', 'year'], { unique: true, where: `status <> 'REJECTED'` })
export class RiskCompensationClaim {
  @Field(() => ID, { description: '申请编号' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => Int, { description: '补偿年度: the calendar year whose compensations and releases are counted.' })
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  mode: string;

  @Column({ name: 'released_amount', type: 'numeric', precision: 18, scale: 2 })
  releasedAmount: string;

  @Column({ name: 'compensated_amount', type: 'numeric', precision: 18, scale: 2 })
  compensatedAmount: string;

  @Column({ name: 'compensation_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  compensationRate: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  payout: string;

  @Column({ type: 'jsonb' })
  tiers: unknown;

  @Field(() => ClaimStatus, { description: '申请状态' })
  @Column({ type: 'varchar', length: 16, default: 'SUBMITTED' })
  status: ClaimStatus;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decided_by_role', type: 'varchar', length: 32, nullable: true })
  decidedByRole: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Field(() => DateScalar, { nullable: true, description: '拨付日期: when FINANCE paid the approved claim' })
  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'paid_by', type: 'text', nullable: true })
  paidBy: string | null;
}
