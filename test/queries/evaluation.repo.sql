-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- EvaluationRepo.list
SELECT "e"."id" AS "e_id", "e"."institution_id" AS "e_institution_id", "e"."year" AS "e_year", "e"."small_agri_share" AS "e_small_agri_share", "e"."average_fee_rate" AS "e_average_fee_rate", "e"."compensation_rate" AS "e_compensation_rate", "e"."leverage" AS "e_leverage", "e"."score" AS "e_score", "e"."grade" AS "e_grade", "e"."evaluator_role" AS "e_evaluator_role", "e"."comment" AS "e_comment", "e"."created_at" AS "e_created_at" FROM "performance_evaluation" "e" WHERE TRUE AND "e"."institution_id" = $1 AND "e"."year" = $2 ORDER BY "e"."year" DESC, "e"."institution_id" ASC;

-- EvaluationRepo.institution
SELECT i.level AS level, i.net_assets AS net_assets FROM guarantee_institution i WHERE i.id = $1 AND TRUE;

-- EvaluationRepo.exists
SELECT 1 FROM performance_evaluation e WHERE e.institution_id = $1 AND e.year = $2 AND TRUE;

-- EvaluationRepo.yearFlows
SELECT COALESCE(SUM(s.new_amount), 0)::text AS new_amount,
      COALESCE(SUM(s.small_agri_amount), 0)::text AS small_agri_amount,
      COALESCE(SUM(s.fee_weighted_amount), 0)::text AS fee_weighted_amount,
      COALESCE(SUM(s.released_amount), 0)::text AS released_amount,
      COALESCE(SUM(s.compensated_amount), 0)::text AS compensated_amount
 FROM business_month_stats s
WHERE s.institution_id = $1 AND s.month >= make_date($2, 1, 1) AND s.month < make_date($2 + 1, 1, 1) AND TRUE;

-- EvaluationRepo.inForceBalances
SELECT b.kind AS borrower_kind, g.kind AS guarantee_kind, SUM(g.guaranteed_amount)::text AS balance
 FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
WHERE g.institution_id = $1 AND g.start_on <= $2 AND (g.released_on IS NULL OR g.released_on > $2) AND TRUE
GROUP BY g.borrower_id, b.kind, g.kind;

-- EvaluationRepo.insert
INSERT INTO performance_evaluation (institution_id, year, small_agri_share, average_fee_rate, compensation_rate, leverage, score, grade, evaluator_role, comment)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id;

-- EvaluationRepo.get
SELECT "e"."id" AS "e_id", "e"."institution_id" AS "e_institution_id", "e"."year" AS "e_year", "e"."small_agri_share" AS "e_small_agri_share", "e"."average_fee_rate" AS "e_average_fee_rate", "e"."compensation_rate" AS "e_compensation_rate", "e"."leverage" AS "e_leverage", "e"."score" AS "e_score", "e"."grade" AS "e_grade", "e"."evaluator_role" AS "e_evaluator_role", "e"."comment" AS "e_comment", "e"."created_at" AS "e_created_at" FROM "performance_evaluation" "e" WHERE "e"."id" = $1 AND TRUE;
