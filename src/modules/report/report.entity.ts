import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../platform/scalars';

/** 月报 (实施意见（十二）, R13): figures frozen at submission; a resubmission is a new version. */
@ObjectType({
  simpleResolvers: true,
  description:
    "月报: one institution's business for one month, reported to the 工作专班办公室 and announced to its banks (实施意见（十二）, R13).",
})
@Entity({ name: 'monthly_report' })
@Unique('uq_monthly_report_version', ['institutionId', 'month', 'version'])
export class MonthlyReport {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => String, { description: '报告月份 YYYY-MM' })
  @Column({ type: 'char', length: 7 })
  month: string;

  @Field(() => Int, { description: '版本: 1 for the first submission of the month, +1 for each resubmission' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => Int, { description: '当月新增担保笔数' })
  @Column({ name: 'new_count', type: 'int' })
  newCount: number;

  @Field(() => DecimalScalar, { description: '当月新增担保金额 (yuan)' })
  @Column({ name: 'new_amount', type: 'numeric', precision: 18, scale: 2 })
  newAmount: string;

  @Field(() => DecimalScalar, { description: '月末在保余额 (yuan): new business less released business up to the end of the month' })
  @Column({ name: 'outstanding_balance', type: 'numeric', precision: 18, scale: 2 })
  outstandingBalance: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '支小支农占比: small-agri amount ÷ new amount of the month (null without new business)',
  })
  @Column({ name: 'small_agri_share', type: 'numeric', precision: 9, scale: 6, nullable: true })
  smallAgriShare: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "平均担保费率: Σ amount × rate ÷ Σ amount of the month's new business (null without new business)",
  })
  @Column({ name: 'average_fee_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  averageFeeRate: string | null;

  @Field(() => DecimalScalar, { description: '当月代偿金额 (yuan)' })
  @Column({ name: 'compensated_amount', type: 'numeric', precision: 18, scale: 2 })
  compensatedAmount: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @Field(() => DateTimeScalar, { description: '报备时间' })
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;
}

/** 向各银行业金融机构通报: one row per bank with an agreement with the reporting institution. */
@ObjectType({
  simpleResolvers: true,
  description: '月报通报: a monthly report announced to a partner bank (实施意见（十二）: 向各银行业金融机构通报). Beyond the contract.',
})
@Entity({ name: 'report_notification' })
@Unique('uq_report_notification', ['reportId', 'bankId'])
export class ReportNotification {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Index()
  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Field(() => DateTimeScalar, { description: '通报时间' })
  @Column({ name: 'notified_at', type: 'timestamptz', default: () => 'now()' })
  notifiedAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Not a column: the report announced, attached by ReportService.notifications in the same read. */
  @Field(() => MonthlyReport, { description: '通报的月报' })
  report?: MonthlyReport;
}
