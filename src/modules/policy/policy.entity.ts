import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One slice of the tiered municipal risk compensation (R7): rates in [fromRate, toRate) pay `ratio`. */
export interface CompensationTierSetting {
  fromRate: string;
  /** null: no upper bound. */
  toRate: string | null;
  /** Whether toRate itself belongs to this tier (5%—8%(含)). */
  toInclusive: boolean;
  ratio: string;
}

/**
 * 政策参数 (R14): every number of the policy as versioned data. The set in force on a day is the one
 * with the latest `effectiveOn` not after it, so a national or provincial rule that overrides the city's
 * ("从其规定") is a new row, not a code change.
 */
@Entity({ name: 'policy_parameter_set' })
export class PolicyParameterSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'effective_on', type: 'date', unique: true })
  effectiveOn: string;

  @Column({ type: 'text' })
  source: string;

  /** R1: 单户担保金额1000万元及以下. */
  @Column({ name: 'max_household_amount', type: 'numeric', precision: 18, scale: 2 })
  maxHouseholdAmount: string;

  /** R3: 支小支农担保业务占比达到80%以上. */
  @Column({ name: 'small_agri_target_share', type: 'numeric', precision: 9, scale: 6 })
  smallAgriTargetShare: string;

  /** R3: national rule, share of single-household ≤ 5,000,000 at least 50%. */
  @Column({ name: 'small_household_amount', type: 'numeric', precision: 18, scale: 2 })
  smallHouseholdAmount: string;

  @Column({ name: 'small_household_target_share', type: 'numeric', precision: 9, scale: 6 })
  smallHouseholdTargetShare: string;

  /** R4: 平均担保费率降至1%以下 (strictly below). */
  @Column({ name: 'fee_rate_target', type: 'numeric', precision: 9, scale: 6 })
  feeRateTarget: string;

  /** R5: 银行承担不低于20%. */
  @Column({ name: 'min_bank_risk_share', type: 'numeric', precision: 9, scale: 6 })
  minBankRiskShare: string;

  /** R7 tiers and mode. */
  @Column({ name: 'compensation_tiers', type: 'jsonb' })
  compensationTiers: CompensationTierSetting[];

  @Column({ name: 'compensation_mode', type: 'varchar', length: 16 })
  compensationMode: 'PROGRESSIVE' | 'FLAT_CAPPED';

  /** R8: 年化担保费率不超过1% and the subsidy rate the finance bureau sets. */
  @Column({ name: 'subsidy_max_fee_rate', type: 'numeric', precision: 9, scale: 6 })
  subsidyMaxFeeRate: string;

  @Column({ name: 'fee_subsidy_rate', type: 'numeric', precision: 9, scale: 6 })
  feeSubsidyRate: string;

  /** R9 leverage: weights and caps. */
  @Column({ name: 'leverage_small_loan_amount', type: 'numeric', precision: 18, scale: 2 })
  leverageSmallLoanAmount: string;

  @Column({ name: 'leverage_farmer_loan_amount', type: 'numeric', precision: 18, scale: 2 })
  leverageFarmerLoanAmount: string;

  @Column({ name: 'leverage_small_weight', type: 'numeric', precision: 9, scale: 6 })
  leverageSmallWeight: string;

  @Column({ name: 'leverage_bond_weight', type: 'numeric', precision: 9, scale: 6 })
  leverageBondWeight: string;

  @Column({ name: 'leverage_cap', type: 'numeric', precision: 9, scale: 2 })
  leverageCap: string;

  @Column({ name: 'leverage_cap_focused', type: 'numeric', precision: 9, scale: 2 })
  leverageCapFocused: string;

  /** R8, 聊财金〔2023〕14号: only business 纳入省再担保 is subsidised while this holds. */
  @Column({ name: 'fee_subsidy_requires_re_guarantee', type: 'boolean' })
  feeSubsidyRequiresReGuarantee: boolean;

  /** R16 (融资担保公司监督管理条例): one borrower's in-force amount at most this share of net assets. */
  @Column({ name: 'max_single_borrower_share', type: 'numeric', precision: 9, scale: 6 })
  maxSingleBorrowerShare: string;

  /** R13/R18: the day of the next month by which a monthly report is due. */
  @Column({ name: 'report_due_day', type: 'int' })
  reportDueDay: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
