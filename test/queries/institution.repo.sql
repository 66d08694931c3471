-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- InstitutionRepo.list (institution viewer)
SELECT "i"."id" AS "i_id", "i"."name" AS "i_name", "i"."credit_code" AS "i_credit_code", "i"."level" AS "i_level", "i"."region_id" AS "i_region_id", "i"."is_re_guarantor" AS "i_is_re_guarantor", "i"."in_holding_group" AS "i_in_holding_group", "i"."registered_capital" AS "i_registered_capital", "i"."paid_in_capital" AS "i_paid_in_capital", "i"."net_assets" AS "i_net_assets", "i"."list_status" AS "i_list_status", "i"."reported_on" AS "i_reported_on", "i"."admitted_on" AS "i_admitted_on", "i"."created_at" AS "i_created_at" FROM "guarantee_institution" "i" WHERE "i"."id" = $1 ORDER BY "i"."level" ASC, "i"."name" ASC;

-- InstitutionRepo.byIds
SELECT "i"."id" AS "i_id", "i"."name" AS "i_name", "i"."credit_code" AS "i_credit_code", "i"."level" AS "i_level", "i"."region_id" AS "i_region_id", "i"."is_re_guarantor" AS "i_is_re_guarantor", "i"."in_holding_group" AS "i_in_holding_group", "i"."registered_capital" AS "i_registered_capital", "i"."paid_in_capital" AS "i_paid_in_capital", "i"."net_assets" AS "i_net_assets", "i"."list_status" AS "i_list_status", "i"."reported_on" AS "i_reported_on", "i"."admitted_on" AS "i_admitted_on", "i"."created_at" AS "i_created_at" FROM "guarantee_institution" "i" WHERE "i"."id" = ANY($1) AND "i"."id" = $2;

-- InstitutionRepo.get (locked)
SELECT "i"."id" AS "i_id", "i"."name" AS "i_name", "i"."credit_code" AS "i_credit_code", "i"."level" AS "i_level", "i"."region_id" AS "i_region_id", "i"."is_re_guarantor" AS "i_is_re_guarantor", "i"."in_holding_group" AS "i_in_holding_group", "i"."registered_capital" AS "i_registered_capital", "i"."paid_in_capital" AS "i_paid_in_capital", "i"."net_assets" AS "i_net_assets", "i"."list_status" AS "i_list_status", "i"."reported_on" AS "i_reported_on", "i"."admitted_on" AS "i_admitted_on", "i"."created_at" AS "i_created_at" FROM "guarantee_institution" "i" WHERE "i"."id" = $1 AND "i"."id" = $2 FOR UPDATE;

-- InstitutionRepo.clash
SELECT name = $1 AS same_name FROM guarantee_institution WHERE name = $1 OR credit_code = $2 LIMIT 1;

-- InstitutionRepo.setListStatus
UPDATE guarantee_institution SET list_status = $2, reported_on = $3 WHERE id = $1;
