import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R20 oversight records: inspections by the local financial regulator (实施意见（十）) and the task force's
 * meetings with the institutions they supervise (实施意见（十一）).
 */
export class Oversight1796169600000 implements MigrationInterface {
  name = 'Oversight1796169600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('ON_SITE','OFF_SITE')),
        inspected_on date NOT NULL,
        findings text NOT NULL CHECK (length(btrim(findings)) > 0),
        rectification_due_on date CHECK (rectification_due_on >= inspected_on),
        status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RECTIFIED')),
        rectified_on date CHECK (rectified_on >= inspected_on),
        rectification_note text,
        recorded_by text NOT NULL,
        closed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'RECTIFIED') = (rectified_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_inspection_institution ON inspection(institution_id, inspected_on)`);
    await q.query(`
      CREATE TABLE task_force_meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        held_on date NOT NULL,
        topic text NOT NULL CHECK (length(btrim(topic)) > 0),
        decisions text[] NOT NULL DEFAULT '{}',
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_task_force_meeting_held_on ON task_force_meeting(held_on)`);
    await q.query(`
      CREATE TABLE task_force_meeting_institution (
        meeting_id uuid NOT NULL REFERENCES task_force_meeting(id) ON DELETE CASCADE,
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        PRIMARY KEY (meeting_id, institution_id)
      )`);
    await q.query(`CREATE INDEX ix_task_force_meeting_institution ON task_force_meeting_institution(institution_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_force_meeting_institution`);
    await q.query(`DROP TABLE task_force_meeting`);
    await q.query(`DROP TABLE inspection`);
  }
}
