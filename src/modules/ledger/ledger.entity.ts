import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Monthly business aggregate per institution × bank × region, kept current in the same transaction
 * as every guarantee, release and compensation, so dashboards read thousands of rows, not millions.
 * Month is the first day of the calendar month (Asia/Shanghai business dates). Sums are wider than a single
 * amount's numeric(18,2), so that no month of legal amounts can overflow them.
 */
@Entity({ name: 'business_month_stats' })
@Index('ix_business_month_stats_month', ['month'])
export class BusinessMonthStats {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @PrimaryColumn({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Index()
  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ name: 'new_count', type: 'int', default: 0 })
  newCount: number;

  @Column({ name: 'new_amount', type: 'numeric', precision: 24, scale: 2, default: '0' })
  newAmount: string;

  @Column({ name: 'small_agri_count', type: 'int', default: 0 })
  smallAgriCount: number;

  @Column({ name: 'small_agri_amount', type: 'numeric', precision: 24, scale: 2, default: '0' })
  smallAgriAmount: string;

  /** New business with a single-household guaranteed amount ≤ 5,000,000 (R3's national 50% rule). */
  @Column({ name: 'small_household_amount', type: 'numeric', precision: 24, scale: 2, default: '0' })
  smallHouseholdAmount: string;

  /** Σ guaranteed_amount × fee_rate of new business: the numerator of the amount-weighted fee rate (R4). */
  @Column({ name: 'fee_weighted_amount', type: 'numeric', precision: 30, scale: 8, default: '0' })
  feeWeightedAmount: string;

  /** Σ fee_rate of new business: the numerator of the plain mean (R4). */
  @Column({ name: 'fee_rate_sum', type: 'numeric', precision: 24, scale: 6, default: '0' })
  feeRateSum: string;

  /** Released (repaid or compensated) guaranteed amount in the month: R7's denominator. */
  @Column({ name: 'released_amount', type: 'numeric', precision: 24, scale: 2, default: '0' })
  releasedAmount: string;

  @Column({ name: 'compensated_amount', type: 'numeric', precision: 24, scale: 2, default: '0' })
  compensatedAmount: string;
}

/**
 * The data version of an institution's business (issue 12): bumped by every write of the monthly aggregate in the
 * same transaction (LedgerRepo), read by the dashboard and warnings caches (platform/lib/answer-cache.ts) to know when an answer is stale.
 */
@Entity({ name: 'ledger_version' })
export class LedgerVersion {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'bigint' })
  version: string;

  /** The open balances' totals (issue 10, ledger.balances.ts): guarantees not released, whatever their start. */
  @Column({ name: 'open_balance', type: 'numeric', precision: 24, scale: 2, default: '0' })
  openBalance: string;

  @Column({ name: 'open_small_agri', type: 'numeric', precision: 24, scale: 2, default: '0' })
  openSmallAgri: string;

  /** LOAN balances of small/micro borrowers (R9's 75% class, evaluation.calc.ts SMALL_MICRO). */
  @Column({ name: 'open_small_micro_loan', type: 'numeric', precision: 24, scale: 2, default: '0' })
  openSmallMicroLoan: string;

  /** LOAN balances of FARMER borrowers (R9's 75% class). */
  @Column({ name: 'open_farmer_loan', type: 'numeric', precision: 24, scale: 2, default: '0' })
  openFarmerLoan: string;
}

/**
 * One borrower's open guarantees at an institution (issue 10, ledger.balances.ts): kept by every grant, release and
 * compensation in its transaction; a row exists only while something is open. R17's warnings read in-force figures
 * from it and ledger_version's totals instead of the guarantee table.
 */
@Entity({ name: 'household_balance' })
export class HouseholdBalance {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @PrimaryColumn({ name: 'borrower_id', type: 'uuid' })
  borrowerId: string;

  /** The borrower's current kind (R9's classes are judged on it). */
  @Column({ name: 'borrower_kind', type: 'varchar', length: 32 })
  borrowerKind: string;

  @Column({ name: 'loan_balance', type: 'numeric', precision: 24, scale: 2 })
  loanBalance: string;

  /** BOND and OTHER_FINANCING guarantees. */
  @Column({ name: 'other_balance', type: 'numeric', precision: 24, scale: 2 })
  otherBalance: string;

  @Column({ name: 'small_agri_balance', type: 'numeric', precision: 24, scale: 2 })
  smallAgriBalance: string;

  /** loan + other (generated). */
  @Column({ type: 'numeric', precision: 24, scale: 2, insert: false, update: false })
  balance: string;
}
