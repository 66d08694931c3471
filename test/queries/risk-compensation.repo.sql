-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- RiskCompensationRepo.list
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."year" AS "c_year", "c"."mode" AS "c_mode", "c"."released_amount" AS "c_released_amount", "c"."compensated_amount" AS "c_compensated_amount", "c"."compensation_rate" AS "c_compensation_rate", "c"."payout" AS "c_payout", "c"."tiers" AS "c_tiers", "c"."status" AS "c_status", "c"."submitted_by" AS "c_submitted_by", "c"."submitted_at" AS "c_submitted_at", "c"."decided_by_role" AS "c_decided_by_role", "c"."decided_at" AS "c_decided_at", "c"."decision_note" AS "c_decision_note", "c"."paid_on" AS "c_paid_on", "c"."paid_by" AS "c_paid_by" FROM "risk_compensation_claim" "c" WHERE "c"."institution_id" = $1 AND "c"."institution_id" = $2 AND "c"."year" = $3 ORDER BY "c"."year" DESC, "c"."submitted_at" DESC;

-- RiskCompensationRepo.institutionLevel
SELECT i.level FROM guarantee_institution i WHERE i.id = $1 AND i.id = $2;

-- RiskCompensationRepo.yearSums
SELECT coalesce(sum(s.released_amount), 0)::numeric(24,2)::text AS released, coalesce(sum(s.compensated_amount), 0)::numeric(24,2)::text AS compensated
FROM business_month_stats s WHERE s.institution_id = $1 AND s.month BETWEEN CAST($2 AS date) AND CAST($3 AS date) AND s.institution_id = $4;

-- RiskCompensationRepo.insert
INSERT INTO risk_compensation_claim (institution_id, year, mode, released_amount, compensated_amount, compensation_rate, payout, tiers, status, submitted_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id;

-- RiskCompensationRepo.get (locked)
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."year" AS "c_year", "c"."mode" AS "c_mode", "c"."released_amount" AS "c_released_amount", "c"."compensated_amount" AS "c_compensated_amount", "c"."compensation_rate" AS "c_compensation_rate", "c"."payout" AS "c_payout", "c"."tiers" AS "c_tiers", "c"."status" AS "c_status", "c"."submitted_by" AS "c_submitted_by", "c"."submitted_at" AS "c_submitted_at", "c"."decided_by_role" AS "c_decided_by_role", "c"."decided_at" AS "c_decided_at", "c"."decision_note" AS "c_decision_note", "c"."paid_on" AS "c_paid_on", "c"."paid_by" AS "c_paid_by" FROM "risk_compensation_claim" "c" WHERE "c"."id" = $1 AND "c"."institution_id" = $2 FOR UPDATE;

-- RiskCompensationRepo.setDecision
UPDATE risk_compensation_claim SET status = $2, decided_by_role = $3, decided_at = now(), decision_note = $4 WHERE id = $1;
