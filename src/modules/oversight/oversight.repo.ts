import type { Scope } from '../../access/scope';
import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { Inspection, TaskForceMeeting } from './oversight.entity';

export interface NewInspection {
  institutionId: string;
  kind: string;
  inspectedOn: string;
  findings: string;
  rectificationDueOn: string | null;
  recordedBy: string;
}

export interface NewMeeting {
  heldOn: string;
  topic: string;
  decisions: string[];
  recordedBy: string;
}

/** R20 oversight records: inspection (read through scope.inspections) and task_force_meeting with its institutions. */
export class OversightRepo extends Repository {
  /** Inspections in scope, optionally of one institution (id already checked); newest first. */
  inspections(scope: Scope, institutionId?: string | null): Promise<Inspection[]> {
    const scoped = scope.inspections('n');
    const q = this.manager.createQueryBuilder(Inspection, 'n').where(scoped.sql, scoped.params);
    if (institutionId != null) q.andWhere('n.institution_id = :institutionId', { institutionId });
    return q.orderBy('n.inspected_on', 'DESC').addOrderBy('n.created_at', 'DESC').addOrderBy('n.id').getMany();
  }

  /** One inspection in scope, or null. */
  inspection(scope: Scope, id: string): Promise<Inspection | null> {
    const scoped = scope.inspections('n');
    return this.manager.createQueryBuilder(Inspection, 'n').where('n.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }

  async insertInspection(i: NewInspection): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO inspection (institution_id, kind, inspected_on, findings, rectification_due_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [i.institutionId, i.kind, i.inspectedOn, i.findings, i.rectificationDueOn, i.recordedBy],
    );
    return id;
  }

  /**
   * Closes an open inspection as rectified; false when it was not open. Two closings at once: the row lock
   * of the UPDATE lets one through, the other finds it closed.
   */
  async close(id: string, c: { rectifiedOn: string; note: string | null; closedBy: string }): Promise<boolean> {
    const updated = await this.rows<{ id: string }>(
      `UPDATE inspection SET status = 'RECTIFIED', rectified_on = :on, rectification_note = :note, closed_by = :by
       WHERE id = :id AND status = 'OPEN' RETURNING id`,
      { id, on: c.rectifiedOn, note: c.note, by: c.closedBy },
    );
    return updated.length > 0;
  }

  /** Every meeting, newest first: the caller names why (the task force's decisions are the government's own record). */
  meetings(_scope: SystemScope): Promise<TaskForceMeeting[]> {
    return this.manager
      .createQueryBuilder(TaskForceMeeting, 'm')
      .orderBy('m.held_on', 'DESC')
      .addOrderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .getMany();
  }

  /** A meeting just written, read back by id. */
  meeting(_scope: SystemScope, id: string): Promise<TaskForceMeeting> {
    return this.manager.findOneByOrFail(TaskForceMeeting, { id });
  }

  async insertMeeting(m: NewMeeting): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO task_force_meeting (held_on, topic, decisions, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [m.heldOn, m.topic, m.decisions, m.recordedBy],
    );
    return id;
  }

  /** The institutions a meeting supervises (ids checked to be in the recorder's scope). */
  async insertMeetingInstitutions(meetingId: string, institutionIds: readonly string[]): Promise<void> {
    if (!institutionIds.length) return;
    await this.manager.query(`INSERT INTO task_force_meeting_institution (meeting_id, institution_id) SELECT $1, unnest($2::uuid[])`, [
      meetingId,
      [...institutionIds],
    ]);
  }

  /** Supervised institutions of each meeting, in one query per batch, restricted to what the viewer may read. */
  async supervisedInstitutionIds(scope: Scope, meetingIds: readonly string[]): Promise<string[][]> {
    const scoped = scope.institutions('i');
    const rows = await this.rows<{ meeting_id: string; institution_id: string }>(
      `SELECT mi.meeting_id, mi.institution_id FROM task_force_meeting_institution mi
       JOIN guarantee_institution i ON i.id = mi.institution_id
       WHERE mi.meeting_id = ANY(:ids) AND ${scoped.sql} ORDER BY i.name`,
      { ids: [...meetingIds], ...scoped.params },
    );
    return meetingIds.map((id) => rows.filter((r) => r.meeting_id === id).map((r) => r.institution_id));
  }
}
