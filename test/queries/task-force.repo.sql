-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- TaskForceRepo.members
SELECT "m"."id" AS "m_id", "m"."name" AS "m_name", "m"."title" AS "m_title", "m"."position" AS "m_position", "m"."is_office_director" AS "m_is_office_director", "m"."sort_order" AS "m_sort_order" FROM "task_force_member" "m" ORDER BY "m"."sort_order" ASC, "m"."name" ASC;

-- TaskForceRepo.insert
INSERT INTO task_force_member (name, title, position, is_office_director, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- TaskForceRepo.update
UPDATE task_force_member SET name = $1, title = $2, position = $3, is_office_director = $4, sort_order = $5
WHERE id = $6 RETURNING id;

-- TaskForceRepo.get
SELECT "m"."id" AS "m_id", "m"."name" AS "m_name", "m"."title" AS "m_title", "m"."position" AS "m_position", "m"."is_office_director" AS "m_is_office_director", "m"."sort_order" AS "m_sort_order" FROM "task_force_member" "m" WHERE "m"."id" = $1;
