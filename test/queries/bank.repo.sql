-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- BankRepo.list (bank viewer)
SELECT "b"."id" AS "b_id", "b"."name" AS "b_name", "b"."kind" AS "b_kind", "b"."region_id" AS "b_region_id", "b"."created_at" AS "b_created_at" FROM "bank" "b" WHERE "b"."id" = $1 ORDER BY "b"."name" ASC;

-- BankRepo.byIds
SELECT "b"."id" AS "b_id", "b"."name" AS "b_name", "b"."kind" AS "b_kind", "b"."region_id" AS "b_region_id", "b"."created_at" AS "b_created_at" FROM "bank" "b" WHERE "b"."id" = ANY($1) AND TRUE;

-- BankRepo.nameTaken
SELECT 1 FROM bank WHERE name = $1;

-- BankRepo.insert
INSERT INTO bank (name, kind, region_id) VALUES ($1, $2, $3) RETURNING id;
