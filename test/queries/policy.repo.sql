-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- PolicyRepo.inForce
SELECT "p"."id" AS "p_id", "p"."effective_on" AS "p_effective_on", "p"."source" AS "p_source", "p"."max_household_amount" AS "p_max_household_amount", "p"."small_agri_target_share" AS "p_small_agri_target_share", "p"."small_household_amount" AS "p_small_household_amount", "p"."small_household_target_share" AS "p_small_household_target_share", "p"."fee_rate_target" AS "p_fee_rate_target", "p"."min_bank_risk_share" AS "p_min_bank_risk_share", "p"."compensation_tiers" AS "p_compensation_tiers", "p"."compensation_mode" AS "p_compensation_mode", "p"."subsidy_max_fee_rate" AS "p_subsidy_max_fee_rate", "p"."fee_subsidy_rate" AS "p_fee_subsidy_rate", "p"."leverage_small_loan_amount" AS "p_leverage_small_loan_amount", "p"."leverage_farmer_loan_amount" AS "p_leverage_farmer_loan_amount", "p"."leverage_small_weight" AS "p_leverage_small_weight", "p"."leverage_bond_weight" AS "p_leverage_bond_weight", "p"."leverage_cap" AS "p_leverage_cap", "p"."leverage_cap_focused" AS "p_leverage_cap_focused", "p"."created_at" AS "p_created_at" FROM "policy_parameter_set" "p" WHERE "p"."effective_on" <= $1 ORDER BY "p"."effective_on" DESC LIMIT 1;

-- PolicyRepo.effectiveDates
SELECT effective_on::text AS d FROM policy_parameter_set ORDER BY effective_on;

-- PolicyRepo.anyInForceBy
SELECT 1 FROM policy_parameter_set WHERE effective_on <= $1 LIMIT 1;
