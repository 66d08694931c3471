-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- RegionRepo.list
SELECT "r"."id" AS "r_id", "r"."code" AS "r_code", "r"."name" AS "r_name", "r"."kind" AS "r_kind", "r"."parent_id" AS "r_parent_id", "r"."sort_order" AS "r_sort_order" FROM "region" "r" ORDER BY "r"."sort_order" ASC, "r"."code" ASC;

-- RegionRepo.byIds
SELECT "r"."id" AS "r_id", "r"."code" AS "r_code", "r"."name" AS "r_name", "r"."kind" AS "r_kind", "r"."parent_id" AS "r_parent_id", "r"."sort_order" AS "r_sort_order" FROM "region" "r" WHERE "r"."id" = ANY($1);

-- RegionRepo.exists
SELECT 1 FROM region r WHERE r.id = $1;

-- RegionRepo.kind
SELECT r.kind FROM region r WHERE r.id = $1;
