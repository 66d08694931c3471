-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- LedgerRepo.addNewBusiness
INSERT INTO ledger_version AS v (institution_id, version) VALUES ($1, 1)
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1;
INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, new_count, new_amount, small_agri_count, small_agri_amount, small_household_amount, fee_weighted_amount, fee_rate_sum)
VALUES ($1, $2, $3, $4, 1, $5::numeric, CASE WHEN $6::boolean THEN 1 ELSE 0 END, CASE WHEN $6::boolean THEN $5::numeric ELSE 0 END, CASE WHEN $7::boolean THEN $5::numeric ELSE 0 END, $5::numeric * $8::numeric, $8::numeric)
ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
new_count = business_month_stats.new_count + EXCLUDED.new_count,
new_amount = business_month_stats.new_amount + EXCLUDED.new_amount,
small_agri_count = business_month_stats.small_agri_count + EXCLUDED.small_agri_count,
small_agri_amount = business_month_stats.small_agri_amount + EXCLUDED.small_agri_amount,
small_household_amount = business_month_stats.small_household_amount + EXCLUDED.small_household_amount,
fee_weighted_amount = business_month_stats.fee_weighted_amount + EXCLUDED.fee_weighted_amount,
fee_rate_sum = business_month_stats.fee_rate_sum + EXCLUDED.fee_rate_sum;

-- LedgerRepo.addNewBusinessMany
INSERT INTO ledger_version AS v (institution_id, version) VALUES ($1, 1)
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1;
INSERT INTO business_month_stats AS s (institution_id, bank_id, region_id, month, new_count, new_amount, small_agri_count, small_agri_amount,
                                       small_household_amount, fee_weighted_amount, fee_rate_sum)
SELECT $1::uuid, g.bank_id, g.region_id, date_trunc('month', g.start_on)::date, count(*),
       sum(g.amount), count(*) FILTER (WHERE g.small_agri), coalesce(sum(g.amount) FILTER (WHERE g.small_agri), 0),
       coalesce(sum(g.amount) FILTER (WHERE g.small_household), 0), sum(g.amount * g.fee_rate), sum(g.fee_rate)
  FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::numeric[], $6::boolean[], $7::boolean[], $8::numeric[])
       AS g(bank_id, region_id, start_on, amount, small_agri, small_household, fee_rate)
 GROUP BY g.bank_id, g.region_id, date_trunc('month', g.start_on)
 ORDER BY 1, 2, 3, 4
ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
  new_count = s.new_count + EXCLUDED.new_count,
  new_amount = s.new_amount + EXCLUDED.new_amount,
  small_agri_count = s.small_agri_count + EXCLUDED.small_agri_count,
  small_agri_amount = s.small_agri_amount + EXCLUDED.small_agri_amount,
  small_household_amount = s.small_household_amount + EXCLUDED.small_household_amount,
  fee_weighted_amount = s.fee_weighted_amount + EXCLUDED.fee_weighted_amount,
  fee_rate_sum = s.fee_rate_sum + EXCLUDED.fee_rate_sum;

-- LedgerRepo.addReleased
INSERT INTO ledger_version AS v (institution_id, version) VALUES ($1, 1)
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1;
INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, released_amount)
VALUES ($1, $2, $3, $4, $5::numeric)
ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
released_amount = business_month_stats.released_amount + EXCLUDED.released_amount;

-- LedgerRepo.addCompensated
INSERT INTO ledger_version AS v (institution_id, version) VALUES ($1, 1)
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1;
INSERT INTO business_month_stats (institution_id, bank_id, region_id, month, compensated_amount)
VALUES ($1, $2, $3, $4, $5::numeric)
ON CONFLICT (institution_id, bank_id, region_id, month) DO UPDATE SET
compensated_amount = business_month_stats.compensated_amount + EXCLUDED.compensated_amount;
