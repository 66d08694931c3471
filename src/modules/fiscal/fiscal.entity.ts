import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 市级风险补偿申请 (实施意见（七）, R7): the quote is frozen into the claim when it is submitted. */
@Entity({ name: 'risk_compensation_claim' })
@Index('uq_risk_claim_open', ['institutionId', 'year'], { unique: true, where: `status <> 'REJECTED'` })
export class RiskCompensationClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

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

  @Column({ type: 'varchar', length: 16, default: 'SUBMITTED' })
  status: string;

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
}

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
}

/** 资本金补充 (实施意见（六）, R10). */
@Entity({ name: 'capital_injection' })
export class CapitalInjection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'varchar', length: 24 })
  source: string;

  @Column({ type: 'varchar', length: 16 })
  form: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  basis: string | null;

  @Column({ name: 'injected_on', type: 'date' })
  injectedOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
