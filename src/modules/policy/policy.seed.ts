import type { EntityManager } from 'typeorm';
import type { CompensationTierSetting } from './policy.entity';

/** 实施意见（七）: 代偿率小于1%、1%—3%、3%—5%、5%—8%(含) pay 100%, 80%, 60%, 50%; above 8% nothing. */
export const CITY_2023_TIERS: CompensationTierSetting[] = [
  { fromRate: '0', toRate: '0.01', toInclusive: false, ratio: '1' },
  { fromRate: '0.01', toRate: '0.03', toInclusive: false, ratio: '0.8' },
  { fromRate: '0.03', toRate: '0.05', toInclusive: false, ratio: '0.6' },
  { fromRate: '0.05', toRate: '0.08', toInclusive: true, ratio: '0.5' },
];

/**
 * The numbers in force since the 实施意见 of 2023-03-29 (R1–R9). Inserted once; a later rule
 * ("从其规定") is a new set with its own effective date, never an edit of this one.
 * The fee-subsidy rate is left at 0: the policy promises "一定担保费补贴" but names no rate, which the
 * finance bureau sets as a new parameter set.
 */
export async function seedPolicyParameters(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO policy_parameter_set (
       effective_on, source, max_household_amount, small_agri_target_share, small_household_amount,
       small_household_target_share, fee_rate_target, min_bank_risk_share, compensation_tiers, compensation_mode,
       subsidy_max_fee_rate, fee_subsidy_rate, leverage_small_loan_amount, leverage_farmer_loan_amount,
       leverage_small_weight, leverage_bond_weight, leverage_cap, leverage_cap_focused)
     VALUES ('2023-03-29', $1, 10000000.00, 0.800000, 5000000.00, 0.500000, 0.010000, 0.200000, $2::jsonb, 'PROGRESSIVE',
             0.010000, 0, 5000000.00, 2000000.00, 0.750000, 0.800000, 10, 15)
     ON CONFLICT (effective_on) DO NOTHING`,
    [
      '聊城市人民政府办公室《关于推动政府性融资担保机构支持小微企业和“三农”发展的实施意见》(2023-03-29); 国办发〔2019〕6号',
      JSON.stringify(CITY_2023_TIERS),
    ],
  );
}
