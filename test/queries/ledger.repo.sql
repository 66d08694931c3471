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

-- BalanceRepo.opened
WITH x AS (
  -- The change per borrower and its current row, gathered by GROUP BY rather than joined: household_balance is read
  -- once per statement, whatever the planner thinks of the institution (an import's is new to its statistics, and
  -- a nested loop then read the institution's rows once per borrower: quadratic in the rows of a 总对总 import).
  SELECT u.borrower_id,
         $8::int * CASE WHEN u.kind = 'LOAN' THEN u.amount ELSE 0 END AS loan,
         $8::int * CASE WHEN u.kind <> 'LOAN' THEN u.amount ELSE 0 END AS other,
         $8::int * CASE WHEN u.small_agri THEN u.amount ELSE 0 END AS small_agri,
         NULL::text AS old_kind, 0::numeric AS old_loan, 0::numeric AS old_other, 0::numeric AS old_small
    FROM unnest($2::uuid[], $3::varchar[], $4::numeric[], $5::boolean[]) AS u(borrower_id, kind, amount, small_agri)
  UNION ALL
  SELECT h.borrower_id, 0, 0, 0, h.borrower_kind::text, h.loan_balance, h.other_balance, h.small_agri_balance
    FROM household_balance h WHERE h.institution_id = $1 AND h.borrower_id = ANY($2::uuid[])),
d AS (
  SELECT borrower_id, sum(loan) AS loan, sum(other) AS other, sum(small_agri) AS small_agri, max(old_kind) AS old_kind,
         sum(old_loan) AS old_loan, sum(old_other) AS old_other, sum(old_small) AS old_small
    FROM x GROUP BY borrower_id),
n AS (
  SELECT d.borrower_id, b.kind AS borrower_kind, d.old_kind, d.old_loan,
         d.old_loan + d.loan AS loan_balance, d.old_other + d.other AS other_balance,
         d.old_small + d.small_agri AS small_agri_balance, d.loan + d.other AS total, d.small_agri
    FROM d JOIN borrower b ON b.id = d.borrower_id),
kept AS (
  INSERT INTO household_balance AS h (institution_id, borrower_id, borrower_kind, loan_balance, other_balance, small_agri_balance)
  SELECT $1, n.borrower_id, n.borrower_kind, n.loan_balance, n.other_balance, n.small_agri_balance
    FROM n WHERE n.loan_balance + n.other_balance <> 0 ORDER BY n.borrower_id
  ON CONFLICT (institution_id, borrower_id) DO UPDATE SET borrower_kind = EXCLUDED.borrower_kind,
    loan_balance = EXCLUDED.loan_balance, other_balance = EXCLUDED.other_balance, small_agri_balance = EXCLUDED.small_agri_balance),
gone AS (
  DELETE FROM household_balance h
   WHERE h.institution_id = $1
     AND h.borrower_id = ANY (ARRAY(SELECT n.borrower_id FROM n WHERE n.loan_balance + n.other_balance = 0)))
INSERT INTO ledger_version AS v (institution_id, version, open_balance, open_small_agri, open_small_micro_loan, open_farmer_loan)
SELECT $1, 1, sum(n.total), sum(n.small_agri),
       sum(CASE WHEN n.borrower_kind = ANY($6) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($6) THEN n.old_loan ELSE 0 END),
       sum(CASE WHEN n.borrower_kind = ANY($7) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($7) THEN n.old_loan ELSE 0 END)
  FROM n
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1,
  open_balance = v.open_balance + EXCLUDED.open_balance, open_small_agri = v.open_small_agri + EXCLUDED.open_small_agri,
  open_small_micro_loan = v.open_small_micro_loan + EXCLUDED.open_small_micro_loan,
  open_farmer_loan = v.open_farmer_loan + EXCLUDED.open_farmer_loan;

-- BalanceRepo.closed
WITH x AS (
  -- The change per borrower and its current row, gathered by GROUP BY rather than joined: household_balance is read
  -- once per statement, whatever the planner thinks of the institution (an import's is new to its statistics, and
  -- a nested loop then read the institution's rows once per borrower: quadratic in the rows of a 总对总 import).
  SELECT u.borrower_id,
         $8::int * CASE WHEN u.kind = 'LOAN' THEN u.amount ELSE 0 END AS loan,
         $8::int * CASE WHEN u.kind <> 'LOAN' THEN u.amount ELSE 0 END AS other,
         $8::int * CASE WHEN u.small_agri THEN u.amount ELSE 0 END AS small_agri,
         NULL::text AS old_kind, 0::numeric AS old_loan, 0::numeric AS old_other, 0::numeric AS old_small
    FROM unnest($2::uuid[], $3::varchar[], $4::numeric[], $5::boolean[]) AS u(borrower_id, kind, amount, small_agri)
  UNION ALL
  SELECT h.borrower_id, 0, 0, 0, h.borrower_kind::text, h.loan_balance, h.other_balance, h.small_agri_balance
    FROM household_balance h WHERE h.institution_id = $1 AND h.borrower_id = ANY($2::uuid[])),
d AS (
  SELECT borrower_id, sum(loan) AS loan, sum(other) AS other, sum(small_agri) AS small_agri, max(old_kind) AS old_kind,
         sum(old_loan) AS old_loan, sum(old_other) AS old_other, sum(old_small) AS old_small
    FROM x GROUP BY borrower_id),
n AS (
  SELECT d.borrower_id, b.kind AS borrower_kind, d.old_kind, d.old_loan,
         d.old_loan + d.loan AS loan_balance, d.old_other + d.other AS other_balance,
         d.old_small + d.small_agri AS small_agri_balance, d.loan + d.other AS total, d.small_agri
    FROM d JOIN borrower b ON b.id = d.borrower_id),
kept AS (
  INSERT INTO household_balance AS h (institution_id, borrower_id, borrower_kind, loan_balance, other_balance, small_agri_balance)
  SELECT $1, n.borrower_id, n.borrower_kind, n.loan_balance, n.other_balance, n.small_agri_balance
    FROM n WHERE n.loan_balance + n.other_balance <> 0 ORDER BY n.borrower_id
  ON CONFLICT (institution_id, borrower_id) DO UPDATE SET borrower_kind = EXCLUDED.borrower_kind,
    loan_balance = EXCLUDED.loan_balance, other_balance = EXCLUDED.other_balance, small_agri_balance = EXCLUDED.small_agri_balance),
gone AS (
  DELETE FROM household_balance h
   WHERE h.institution_id = $1
     AND h.borrower_id = ANY (ARRAY(SELECT n.borrower_id FROM n WHERE n.loan_balance + n.other_balance = 0)))
INSERT INTO ledger_version AS v (institution_id, version, open_balance, open_small_agri, open_small_micro_loan, open_farmer_loan)
SELECT $1, 1, sum(n.total), sum(n.small_agri),
       sum(CASE WHEN n.borrower_kind = ANY($6) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($6) THEN n.old_loan ELSE 0 END),
       sum(CASE WHEN n.borrower_kind = ANY($7) THEN n.loan_balance ELSE 0 END - CASE WHEN n.old_kind = ANY($7) THEN n.old_loan ELSE 0 END)
  FROM n
ON CONFLICT (institution_id) DO UPDATE SET version = v.version + 1,
  open_balance = v.open_balance + EXCLUDED.open_balance, open_small_agri = v.open_small_agri + EXCLUDED.open_small_agri,
  open_small_micro_loan = v.open_small_micro_loan + EXCLUDED.open_small_micro_loan,
  open_farmer_loan = v.open_farmer_loan + EXCLUDED.open_farmer_loan;
