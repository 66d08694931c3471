-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- WarningRepo.institutionFigures
SELECT i.id, i.name, i.net_assets::text AS "netAssets",
      coalesce(sum(s.new_amount), 0)::text AS "newAmount", coalesce(sum(s.small_agri_amount), 0)::text AS "smallAgriAmount",
      coalesce(sum(s.small_household_amount), 0)::text AS "smallHouseholdAmount",
      coalesce(sum(s.fee_weighted_amount), 0)::text AS "feeWeightedAmount",
      coalesce(sum(s.released_amount), 0)::text AS "releasedAmount",
      coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount"
 FROM guarantee_institution i
 LEFT JOIN business_month_stats s ON s.institution_id = i.id
  AND s.month >= date_trunc('year', CAST($1 AS date)) AND s.month <= CAST($1 AS date)
WHERE i.id = $2
GROUP BY i.id ORDER BY i.name, i.id;

-- WarningRepo.institutionFigures (one)
SELECT i.id, i.name, i.net_assets::text AS "netAssets",
      coalesce(sum(s.new_amount), 0)::text AS "newAmount", coalesce(sum(s.small_agri_amount), 0)::text AS "smallAgriAmount",
      coalesce(sum(s.small_household_amount), 0)::text AS "smallHouseholdAmount",
      coalesce(sum(s.fee_weighted_amount), 0)::text AS "feeWeightedAmount",
      coalesce(sum(s.released_amount), 0)::text AS "releasedAmount",
      coalesce(sum(s.compensated_amount), 0)::text AS "compensatedAmount"
 FROM guarantee_institution i
 LEFT JOIN business_month_stats s ON s.institution_id = i.id
  AND s.month >= date_trunc('year', CAST($1 AS date)) AND s.month <= CAST($1 AS date)
WHERE i.id = $2 AND i.id = $3
GROUP BY i.id ORDER BY i.name, i.id;

-- WarningRepo.households
SELECT g.institution_id AS "institutionId", g.borrower_id AS "borrowerId", b.kind AS "borrowerKind", g.kind AS "guaranteeKind",
      sum(g.guaranteed_amount)::text AS balance,
      coalesce(sum(g.guaranteed_amount) FILTER (WHERE g.small_agri), 0)::text AS "smallAgriBalance"
 FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
WHERE g.institution_id = ANY($1) AND g.institution_id IN (SELECT i.id FROM guarantee_institution i WHERE i.id = $2)
  AND g.start_on <= $3 AND (g.released_on IS NULL OR g.released_on > $3)
GROUP BY g.institution_id, g.borrower_id, b.kind, g.kind;

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
