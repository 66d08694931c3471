import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** 月报 (实施意见（十二）, R13): figures frozen at submission; a resubmission is a new version. */
@Entity({ name: 'monthly_report' })
@Unique('uq_monthly_report_version', ['institutionId', 'month', 'version'])
export class MonthlyReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'new_count', type: 'int' })
  newCount: number;

  @Column({ name: 'new_amount', type: 'numeric', precision: 18, scale: 2 })
  newAmount: string;

  @Column({ name: 'outstanding_balance', type: 'numeric', precision: 18, scale: 2 })
  outstandingBalance: string;

  @Column({ name: 'small_agri_share', type: 'numeric', precision: 9, scale: 6, nullable: true })
  smallAgriShare: string | null;

  @Column({ name: 'average_fee_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  averageFeeRate: string | null;

  @Column({ name: 'compensated_amount', type: 'numeric', precision: 18, scale: 2 })
  compensatedAmount: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;
}

/** 向各银行业金融机构通报: one row per bank with an agreement with the reporting institution. */
@Entity({ name: 'report_notification' })
@Unique('uq_report_notification', ['reportId', 'bankId'])
export class ReportNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Index()
  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Column({ name: 'notified_at', type: 'timestamptz', default: () => 'now()' })
  notifiedAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
