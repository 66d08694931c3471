-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- WarningRepo.dataVersion
SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS own_writes,
concat_ws(':', (SELECT coalesce(sum(v.version), 0) FROM ledger_version v), (SELECT md5(coalesce(string_agg(t.id::text || '.' || t.xmin::text, ',' ORDER BY t.id), '')) FROM guarantee_institution t WHERE TRUE),
          (SELECT md5(coalesce(string_agg(t.id::text || '.' || t.xmin::text, ',' ORDER BY t.id), '')) FROM cooperation_agreement t WHERE TRUE), (SELECT md5(coalesce(string_agg(t.id::text || '.' || t.xmin::text, ',' ORDER BY t.id), '')) FROM policy_parameter_set t WHERE TRUE),
          (SELECT md5(coalesce(string_agg(t.id::text || '.' || t.xmin::text, ',' ORDER BY t.id), '')) FROM monthly_report t WHERE t.month = ANY($1))) AS version;

-- WarningRepo.institutionFigures
SELECT i.id, i.name, i.net_assets::text AS "netAssets",
      coalesce(sum(s.new_amount), 0)::text AS "newAmount", coalesce(sum(s.small_agri_amount), 0)::text AS "smallAgriAmount",
      coalesce(sum(s.small_household_amount), 0)::text AS "smallHouseholdAmount",
      coalesce(sum(s.fee_weighted_amount), 0)::text AS "feeWeightedAmount",
      coalesce(sum(s.released_amount), 0)::text AS "releasedAmount",
      coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount",
      coalesce((SELECT v.open_balance FROM ledger_version v WHERE v.institution_id = i.id), 0)::text AS "openBalance",
      coalesce(l.new_amount, 0)::text AS "laterNewAmount", coalesce(l.released_amount, 0)::text AS "laterReleasedAmount"
 FROM guarantee_institution i
 LEFT JOIN business_month_stats s ON s.institution_id = i.id
  AND s.month >= date_trunc('year', CAST($1 AS date)) AND s.month <= CAST($1 AS date)
 LEFT JOIN LATERAL (
   SELECT sum(t.new_amount) AS new_amount, sum(t.released_amount) AS released_amount
     FROM business_month_stats t WHERE t.institution_id = i.id AND t.month > CAST($1 AS date)) l ON true
WHERE i.id = $2
GROUP BY i.id, l.new_amount, l.released_amount ORDER BY i.name, i.id;

-- WarningRepo.institutionFigures (one)
SELECT i.id, i.name, i.net_assets::text AS "netAssets",
      coalesce(sum(s.new_amount), 0)::text AS "newAmount", coalesce(sum(s.small_agri_amount), 0)::text AS "smallAgriAmount",
      coalesce(sum(s.small_household_amount), 0)::text AS "smallHouseholdAmount",
      coalesce(sum(s.fee_weighted_amount), 0)::text AS "feeWeightedAmount",
      coalesce(sum(s.released_amount), 0)::text AS "releasedAmount",
      coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount",
      coalesce((SELECT v.open_balance FROM ledger_version v WHERE v.institution_id = i.id), 0)::text AS "openBalance",
      coalesce(l.new_amount, 0)::text AS "laterNewAmount", coalesce(l.released_amount, 0)::text AS "laterReleasedAmount"
 FROM guarantee_institution i
 LEFT JOIN business_month_stats s ON s.institution_id = i.id
  AND s.month >= date_trunc('year', CAST($1 AS date)) AND s.month <= CAST($1 AS date)
 LEFT JOIN LATERAL (
   SELECT sum(t.new_amount) AS new_amount, sum(t.released_amount) AS released_amount
     FROM business_month_stats t WHERE t.institution_id = i.id AND t.month > CAST($1 AS date)) l ON true
WHERE i.id = $2 AND i.id = $3
GROUP BY i.id, l.new_amount, l.released_amount ORDER BY i.name, i.id;

-- WarningRepo.inForce
WITH inst AS MATERIALIZED (SELECT i.id FROM guarantee_institution i WHERE i.id = ANY($1) AND i.id = $2),
delta AS (
  SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, -g.guaranteed_amount AS amount
    FROM guarantee g WHERE g.status = 'ACTIVE' AND g.start_on > $3 AND g.institution_id IN (SELECT id FROM inst)
  UNION ALL
  SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
    FROM guarantee g WHERE g.released_on > $3 AND g.start_on <= $3 AND g.institution_id IN (SELECT id FROM inst)),
moved AS (
  SELECT d.institution_id, d.borrower_id, sum(d.amount) AS balance, coalesce(sum(d.amount) FILTER (WHERE d.small_agri), 0) AS small_agri,
         coalesce(sum(d.amount) FILTER (WHERE d.kind = 'LOAN'), 0) AS loan
    FROM delta d GROUP BY d.institution_id, d.borrower_id),
changed AS (
  SELECT m.institution_id, m.balance, m.small_agri, coalesce(h.balance, 0) + m.balance AS balance_on,
         CASE WHEN ((coalesce(h.borrower_kind, (SELECT b.kind FROM borrower b WHERE b.id = m.borrower_id))) = ANY($4) AND coalesce(h.loan_balance, 0) + m.loan <= $5) OR ((coalesce(h.borrower_kind, (SELECT b.kind FROM borrower b WHERE b.id = m.borrower_id))) = ANY($6) AND coalesce(h.loan_balance, 0) + m.loan <= $7)
 THEN coalesce(h.loan_balance, 0) + m.loan ELSE 0 END - CASE WHEN (h.borrower_kind = ANY($4) AND coalesce(h.loan_balance, 0) <= $5) OR (h.borrower_kind = ANY($6) AND coalesce(h.loan_balance, 0) <= $7)
 THEN coalesce(h.loan_balance, 0) ELSE 0 END AS small_weighted
    FROM moved m LEFT JOIN household_balance h ON h.institution_id = m.institution_id AND h.borrower_id = m.borrower_id),
corrected AS (
  SELECT c.institution_id, sum(c.balance) AS balance, sum(c.small_agri) AS small_agri, sum(c.small_weighted) AS small_weighted,
         max(c.balance_on) AS largest
    FROM changed c GROUP BY c.institution_id)
SELECT i.id AS "institutionId",
       (coalesce(v.open_balance, 0) + coalesce(c.balance, 0))::text AS balance,
       (coalesce(v.open_small_agri, 0) + coalesce(c.small_agri, 0))::text AS "smallAgriBalance",
       (coalesce(v.open_small_micro_loan, 0) - (SELECT coalesce(sum(h.loan_balance), 0) FROM household_balance h
  WHERE h.institution_id = i.id AND h.borrower_kind = ANY($4) AND h.loan_balance > $5)
        + coalesce(v.open_farmer_loan, 0) - (SELECT coalesce(sum(h.loan_balance), 0) FROM household_balance h
  WHERE h.institution_id = i.id AND h.borrower_kind = ANY($6) AND h.loan_balance > $7) + coalesce(c.small_weighted, 0))::text AS "smallWeightedBalance",
       greatest(coalesce(c.largest, 0),
                (SELECT h.balance FROM household_balance h WHERE h.institution_id = i.id
                    AND NOT EXISTS (SELECT 1 FROM guarantee g WHERE g.borrower_id = h.borrower_id AND g.institution_id = h.institution_id
                                       AND ((g.status = 'ACTIVE' AND g.start_on > $3) OR (g.released_on > $3 AND g.start_on <= $3)))
                  ORDER BY h.balance DESC LIMIT 1), 0)::text AS "largestHousehold"
  FROM inst i
  LEFT JOIN ledger_version v ON v.institution_id = i.id
  LEFT JOIN corrected c ON c.institution_id = i.id;

-- WarningRepo.inForce (scan)
WITH inst AS MATERIALIZED (SELECT i.id FROM guarantee_institution i WHERE i.id = ANY($1) AND i.id = $2),
held AS (
  SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
    FROM guarantee g WHERE g.status = 'ACTIVE' AND g.start_on <= $3 AND g.institution_id IN (SELECT id FROM inst)
  UNION ALL
  SELECT g.institution_id, g.borrower_id, g.kind, g.small_agri, g.guaranteed_amount
    FROM guarantee g WHERE g.released_on > $3 AND g.start_on <= $3 AND g.institution_id IN (SELECT id FROM inst)),
households AS (
  SELECT h.institution_id, h.borrower_id, sum(h.guaranteed_amount) AS balance,
         coalesce(sum(h.guaranteed_amount) FILTER (WHERE h.small_agri), 0) AS small_agri,
         coalesce(sum(h.guaranteed_amount) FILTER (WHERE h.kind = 'LOAN'), 0) AS loan
    FROM held h GROUP BY h.institution_id, h.borrower_id),
figures AS (
  SELECT hh.institution_id, sum(hh.balance) AS balance, sum(hh.small_agri) AS small_agri,
         sum(CASE WHEN (b.kind = ANY($4) AND hh.loan <= $5) OR (b.kind = ANY($6) AND hh.loan <= $7)
      THEN hh.loan ELSE 0 END) AS small_weighted, max(hh.balance) AS largest
    FROM households hh JOIN borrower b ON b.id = hh.borrower_id GROUP BY hh.institution_id)
SELECT i.id AS "institutionId", coalesce(f.balance, 0)::text AS balance, coalesce(f.small_agri, 0)::text AS "smallAgriBalance",
       coalesce(f.small_weighted, 0)::text AS "smallWeightedBalance", coalesce(f.largest, 0)::text AS "largestHousehold"
  FROM inst i LEFT JOIN figures f ON f.institution_id = i.id;

-- WarningRepo.agreementsInForce
SELECT a.id, a.institution_id AS "institutionId", a.bank_risk_share::text AS "bankRiskShare",
      a.credit_line::text AS "creditLine", a.used_credit::text AS "usedCredit"
 FROM cooperation_agreement a
WHERE a.institution_id = ANY($1) AND a.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE i.id = $2)
  AND a.signed_on <= $3 AND (a.expires_on IS NULL OR a.expires_on >= $3)
ORDER BY a.signed_on, a.id;

-- WarningRepo.firstReportDates
SELECT r.institution_id, (min(r.submitted_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS first_on
 FROM monthly_report r
WHERE r.institution_id = ANY($1) AND r.month = $2
  AND r.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE i.id = $3)
GROUP BY r.institution_id;
