-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- CapitalRepo.list
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."amount" AS "c_amount", "c"."source" AS "c_source", "c"."form" AS "c_form", "c"."basis" AS "c_basis", "c"."injected_on" AS "c_injected_on", "c"."recorded_by" AS "c_recorded_by", "c"."created_at" AS "c_created_at" FROM "capital_injection" "c" WHERE TRUE AND "c"."institution_id" = $1 ORDER BY "c"."injected_on" DESC, "c"."created_at" DESC, "c"."id" ASC;

-- CapitalRepo.lockCapital
SELECT i.paid_in_capital AS paid_in, i.net_assets AS net_assets FROM guarantee_institution i WHERE i.id = $1 AND TRUE FOR UPDATE;

-- CapitalRepo.insert
INSERT INTO capital_injection (institution_id, amount, source, form, basis, injected_on, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id;
UPDATE guarantee_institution SET paid_in_capital = $2, net_assets = $3 WHERE id = $1;

-- CapitalRepo.get
SELECT "c"."id" AS "c_id", "c"."institution_id" AS "c_institution_id", "c"."amount" AS "c_amount", "c"."source" AS "c_source", "c"."form" AS "c_form", "c"."basis" AS "c_basis", "c"."injected_on" AS "c_injected_on", "c"."recorded_by" AS "c_recorded_by", "c"."created_at" AS "c_created_at" FROM "capital_injection" "c" WHERE "c"."id" = $1 AND TRUE;
