import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 担保费补贴申请 (实施意见（八）, R8): led by INDUSTRY with FINANCE. */
@Entity({ name: 'fee_subsidy_claim' })
@Index('uq_fee_subsidy_claim_open', ['institutionId', 'year'], { unique: true, where: `status <> 'REJECTED'` })
export class FeeSubsidyClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'eligible_amount', type: 'numeric', precision: 18, scale: 2 })
  eligibleAmount: string;

  @Column({ name: 'eligible_count', type: 'int' })
  eligibleCount: number;

  @Column({ name: 'subsidy_rate', type: 'numeric', precision: 9, scale: 6 })
  subsidyRate: string;

  @Column({ name: 'subsidy_amount', type: 'numeric', precision: 18, scale: 2 })
  subsidyAmount: string;

  @Column({ type: 'varchar', length: 16, default: 'SUBMITTED' })
  status: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'industry_decided_at', type: 'timestamptz', nullable: true })
  industryDecidedAt: Date | null;

  @Column({ name: 'finance_decided_at', type: 'timestamptz', nullable: true })
  financeDecidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'paid_by', type: 'text', nullable: true })
  paidBy: string | null;
}
