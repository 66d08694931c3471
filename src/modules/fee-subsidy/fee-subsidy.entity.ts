import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { ClaimStatus } from '../risk-compensation/risk-compensation.types';

/**
 * 担保费补贴申请 (实施意见（八）, R8): one institution's claim for one completed year. Its figures and the guarantees
 * they count are frozen at submission (fee_subsidy_claim_guarantee); 市工业和信息化局 and 市财政局 each decide it once.
 */
@Entity({ name: 'fee_subsidy_claim' })
@ObjectType({
  simpleResolvers: true,
  description: "担保费补贴 (实施意见（八）, R8): one institution's claim for one completed year, its figures frozen at submission.",
})
@Index('uq_fee_subsidy_claim_open', ['institutionId', 'year'], { unique: true, where: `status <> 'REJECTED'` })
export class FeeSubsidyClaim {
  @Field(() => ID, { description: '申请编号' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => Int, { description: '补贴年度: the calendar year whose new guarantees are counted.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => DecimalScalar, { description: '符合条件的担保金额 (yuan): the sum of the eligible guarantees.' })
  @Column({ name: 'eligible_amount', type: 'numeric', precision: 18, scale: 2 })
  eligibleAmount: string;

  @Field(() => Int, { description: 'Guarantees started in the year that qualify under R8.' })
  @Column({ name: 'eligible_count', type: 'int' })
  eligibleCount: number;

  @Field(() => DecimalScalar, { description: '补贴比例: feeSubsidyRate of the parameter version in force on 31 December of the year.' })
  @Column({ name: 'subsidy_rate', type: 'numeric', precision: 9, scale: 6 })
  subsidyRate: string;

  @Field(() => DecimalScalar, { description: '补贴金额: eligibleAmount × subsidyRate, half-up to the fen.' })
  @Column({ name: 'subsidy_amount', type: 'numeric', precision: 18, scale: 2 })
  subsidy: string;

  @Field(() => ClaimStatus, {
    description: '申请状态: APPROVED once INDUSTRY and FINANCE have both approved; REJECTED when either rejects.',
  })
  @Column({ type: 'varchar', length: 16, default: 'SUBMITTED' })
  status: ClaimStatus;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'industry_decided_at', type: 'timestamptz', nullable: true })
  industryDecidedAt: Date | null;

  @Column({ name: 'industry_note', type: 'text', nullable: true })
  industryNote: string | null;

  @Column({ name: 'finance_decided_at', type: 'timestamptz', nullable: true })
  financeDecidedAt: Date | null;

  @Column({ name: 'finance_note', type: 'text', nullable: true })
  financeNote: string | null;

  @Field(() => DateScalar, { nullable: true, description: '拨付日期: when FINANCE paid the approved claim' })
  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'paid_by', type: 'text', nullable: true })
  paidBy: string | null;
}

/** The guarantees a fee-subsidy claim counted, as they qualified at submission (the listing behind its totals). */
@Entity({ name: 'fee_subsidy_claim_guarantee' })
export class FeeSubsidyClaimGuarantee {
  @PrimaryColumn({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Index('ix_fee_subsidy_claim_guarantee_guarantee')
  @PrimaryColumn({ name: 'guarantee_id', type: 'uuid' })
  guaranteeId: string;
}
