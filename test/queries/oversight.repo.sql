-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- OversightRepo.insertInspection
INSERT INTO inspection (institution_id, kind, inspected_on, findings, rectification_due_on, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id;

-- OversightRepo.inspections (institution viewer)
SELECT "n"."id" AS "n_id", "n"."institution_id" AS "n_institution_id", "n"."kind" AS "n_kind", "n"."inspected_on" AS "n_inspected_on", "n"."findings" AS "n_findings", "n"."rectification_due_on" AS "n_rectification_due_on", "n"."status" AS "n_status", "n"."rectified_on" AS "n_rectified_on", "n"."rectification_note" AS "n_rectification_note", "n"."recorded_by" AS "n_recorded_by", "n"."closed_by" AS "n_closed_by", "n"."created_at" AS "n_created_at" FROM "inspection" "n" WHERE "n"."institution_id" = $1 AND "n"."institution_id" = $2 ORDER BY "n"."inspected_on" DESC, "n"."created_at" DESC, "n"."id" ASC;

-- OversightRepo.inspection
SELECT "n"."id" AS "n_id", "n"."institution_id" AS "n_institution_id", "n"."kind" AS "n_kind", "n"."inspected_on" AS "n_inspected_on", "n"."findings" AS "n_findings", "n"."rectification_due_on" AS "n_rectification_due_on", "n"."status" AS "n_status", "n"."rectified_on" AS "n_rectified_on", "n"."rectification_note" AS "n_rectification_note", "n"."recorded_by" AS "n_recorded_by", "n"."closed_by" AS "n_closed_by", "n"."created_at" AS "n_created_at" FROM "inspection" "n" WHERE "n"."id" = $1 AND TRUE;

-- OversightRepo.close
UPDATE inspection SET status = 'RECTIFIED', rectified_on = $1, rectification_note = $2, closed_by = $3
WHERE id = $4 AND status = 'OPEN' RETURNING id;

-- OversightRepo.insertMeeting
INSERT INTO task_force_meeting (held_on, topic, decisions, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id;

-- OversightRepo.insertMeetingInstitutions
INSERT INTO task_force_meeting_institution (meeting_id, institution_id) SELECT $1, unnest($2::uuid[]);

-- OversightRepo.meetings
SELECT "m"."id" AS "m_id", "m"."held_on" AS "m_held_on", "m"."topic" AS "m_topic", "m"."decisions" AS "m_decisions", "m"."recorded_by" AS "m_recorded_by", "m"."created_at" AS "m_created_at" FROM "task_force_meeting" "m" ORDER BY "m"."held_on" DESC, "m"."created_at" DESC, "m"."id" ASC;

-- OversightRepo.meeting
SELECT "TaskForceMeeting"."id" AS "TaskForceMeeting_id", "TaskForceMeeting"."held_on" AS "TaskForceMeeting_held_on", "TaskForceMeeting"."topic" AS "TaskForceMeeting_topic", "TaskForceMeeting"."decisions" AS "TaskForceMeeting_decisions", "TaskForceMeeting"."recorded_by" AS "TaskForceMeeting_recorded_by", "TaskForceMeeting"."created_at" AS "TaskForceMeeting_created_at" FROM "task_force_meeting" "TaskForceMeeting" WHERE (("TaskForceMeeting"."id" = $1)) LIMIT 1;

-- OversightRepo.supervisedInstitutionIds
SELECT mi.meeting_id, mi.institution_id FROM task_force_meeting_institution mi
JOIN guarantee_institution i ON i.id = mi.institution_id
WHERE mi.meeting_id = ANY($1) AND i.id = $2 ORDER BY i.name;
