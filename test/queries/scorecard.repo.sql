-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- ScorecardRepo.bankYear (bank viewer)
WITH stats AS (
  SELECT s.bank_id, sum(s.new_count)::int AS new_count, sum(s.new_amount) AS new_amount,
         sum(s.small_agri_amount) AS small_agri_amount, sum(s.released_amount) AS released_amount,
         sum(s.compensated_amount) AS compensated_amount
  FROM business_month_stats s WHERE s.month BETWEEN $1 AND $2 AND s.bank_id = $3 GROUP BY s.bank_id),
agreements AS (
  SELECT a.bank_id, count(*)::int AS agreement_count, sum(a.credit_line) AS credit_line, sum(a.used_credit) AS used_credit
  FROM cooperation_agreement a
  WHERE a.signed_on <= $2 AND (a.expires_on IS NULL OR a.expires_on >= $2) AND a.bank_id = $3 GROUP BY a.bank_id),
risk AS (
  SELECT g.bank_id, sum(g.guaranteed_amount * g.bank_risk_share) AS risk_weighted_amount,
         sum(g.guaranteed_amount) AS guaranteed_amount,
         coalesce(sum(g.guaranteed_amount) FILTER (WHERE ga.batch_mode), 0) AS batch_amount
  FROM guarantee g LEFT JOIN cooperation_agreement ga ON ga.id = g.agreement_id
  WHERE g.start_on BETWEEN $1 AND $2 AND g.bank_id = $3 GROUP BY g.bank_id)
SELECT b.id AS bank_id, coalesce(agreements.agreement_count, 0) AS agreement_count,
       coalesce(agreements.credit_line, 0) AS credit_line, coalesce(agreements.used_credit, 0) AS used_credit,
       coalesce(stats.new_count, 0) AS new_count, coalesce(stats.new_amount, 0) AS new_amount,
       coalesce(stats.small_agri_amount, 0) AS small_agri_amount, coalesce(stats.released_amount, 0) AS released_amount,
       coalesce(stats.compensated_amount, 0) AS compensated_amount,
       coalesce(risk.risk_weighted_amount, 0) AS risk_weighted_amount, coalesce(risk.guaranteed_amount, 0) AS guaranteed_amount,
       coalesce(risk.batch_amount, 0) AS batch_amount
FROM bank b
LEFT JOIN stats ON stats.bank_id = b.id
LEFT JOIN agreements ON agreements.bank_id = b.id
LEFT JOIN risk ON risk.bank_id = b.id
WHERE b.id = $3
ORDER BY coalesce(stats.new_amount, 0) DESC, b.name, b.id;
