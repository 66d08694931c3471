-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- AuditRepo.page (first page)
SELECT "a"."id" AS "a_id", "a"."at" AS "a_at", "a"."actor_sub" AS "a_actor_sub", "a"."actor_role" AS "a_actor_role", "a"."operation" AS "a_operation", "a"."target_ids" AS "a_target_ids", "a"."outcome" AS "a_outcome", "a"."error_code" AS "a_error_code", "a"."detail" AS "a_detail" FROM "audit_log" "a" ORDER BY "a"."id" DESC LIMIT 51;

-- AuditRepo.page (an operation, after a cursor)
SELECT "a"."id" AS "a_id", "a"."at" AS "a_at", "a"."actor_sub" AS "a_actor_sub", "a"."actor_role" AS "a_actor_role", "a"."operation" AS "a_operation", "a"."target_ids" AS "a_target_ids", "a"."outcome" AS "a_outcome", "a"."error_code" AS "a_error_code", "a"."detail" AS "a_detail" FROM "audit_log" "a" WHERE "a"."operation" = $1 AND "a"."id" < $2 ORDER BY "a"."id" DESC LIMIT 51;
