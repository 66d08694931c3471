import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimStatus } from './risk-compensation.types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../scalars';
import { CapitalForm, CapitalSource } from './capital.types';

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
@ObjectType({
  simpleResolvers: true,
  description: '资本金补充 (实施意见（六）动态资本金补充机制, R10): one injection of capital into an institution.',
})
@Entity({ name: 'capital_injection' })
export class CapitalInjection {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => DecimalScalar, { description: '补充金额 (yuan)' })
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Field(() => CapitalSource, { description: '出资来源: 政府、金融机构、企业、社会团体或个人' })
  @Column({ type: 'varchar', length: 24 })
  source: CapitalSource;

  @Field(() => CapitalForm, { description: '出资方式: 出资入股 or 无偿捐资' })
  @Column({ type: 'varchar', length: 16 })
  form: CapitalForm;

  @Column({ type: 'varchar', length: 16, nullable: true })
  basis: string | null;

  @Field(() => DateScalar, { description: '到位日期 (YYYY-MM-DD)' })
  @Column({ name: 'injected_on', type: 'date' })
  injectedOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
