import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { queryRows } from '../../platform/db/sql';
import { Inspection, InspectionStatus, TaskForceMeeting } from './oversight.entity';
import type { InspectionInput, TaskForceMeetingInput } from './oversight.inputs';

const MAX_FINDINGS = 4000;
const MAX_TOPIC = 200;
const MAX_DECISION = 1000;
const MAX_DECISIONS = 100;

/** R20 oversight records: inspections (实施意见（十）) and task-force meetings (实施意见（十一）). */
export class OversightService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  /** The inspections the viewer may read, newest first; an unknown or out-of-scope institution gives none. */
  inspections(institutionId?: string | null): Promise<Inspection[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    const scoped = this.scope.inspections('n');
    const query = this.manager.createQueryBuilder(Inspection, 'n').where(scoped.sql, scoped.params);
    if (institutionId != null) query.andWhere('n.institution_id = :institutionId', { institutionId: institutionId.toLowerCase() });
    return query.orderBy('n.inspected_on', 'DESC').addOrderBy('n.created_at', 'DESC').addOrderBy('n.id').getMany();
  }

  /** 市地方金融监管局 records an inspection of an institution in its scope (a county regulator: its county's). */
  async recordInspection(input: InspectionInput): Promise<Inspection> {
    const findings = text('findings', input.findings, MAX_FINDINGS);
    const inspectedOn = notFuture('inspectedOn', input.inspectedOn);
    const due = input.rectificationDueOn ?? null;
    if (due !== null && due < inspectedOn)
      throw new BadInputError('rectificationDueOn', 'rectificationDueOn may not be before inspectedOn');
    const institutionId = await this.institutionInScope(input.institutionId);
    const [{ id }] = await this.manager.query(
      `INSERT INTO inspection (institution_id, kind, inspected_on, findings, rectification_due_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [institutionId, input.kind, inspectedOn, findings, due, this.actor()],
    );
    return this.manager.findOneByOrFail(Inspection, { id });
  }

  /** Closes an open inspection once rectified (实施意见（十）: 督促整改). Closing twice is CONFLICT. */
  async closeInspection(id: string, rectifiedOn: string, note?: string | null): Promise<Inspection> {
    const closedOn = notFuture('rectifiedOn', rectifiedOn);
    const kept = note == null || note.trim() === '' ? null : text('note', note, MAX_FINDINGS);
    const inspection = (await this.inspectionsById(id))[0];
    if (!inspection) throw new NotFoundError('Inspection', id);
    if (inspection.status !== InspectionStatus.OPEN) throw new ConflictError('This inspection is already closed as rectified');
    if (closedOn < inspection.inspectedOn) throw new BadInputError('rectifiedOn', 'rectifiedOn may not be before the inspection');
    // Two closings at once: the row lock of the UPDATE lets one through, the other finds it closed.
    const updated = await queryRows<{ id: string }>(
      this.manager,
      `UPDATE inspection SET status = 'RECTIFIED', rectified_on = :on, rectification_note = :note, closed_by = :by
       WHERE id = :id AND status = 'OPEN' RETURNING id`,
      { id: inspection.id, on: closedOn, note: kept, by: this.actor() },
    );
    if (!updated.length) throw new ConflictError('This inspection is already closed as rectified');
    return this.manager.findOneByOrFail(Inspection, { id: inspection.id });
  }

  /** Every meeting, newest first: the task force's decisions are the government's own record. */
  meetings(): Promise<TaskForceMeeting[]> {
    return this.manager
      .createQueryBuilder(TaskForceMeeting, 'm')
      .orderBy('m.held_on', 'DESC')
      .addOrderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .getMany();
  }

  /** 专班办公室 records a meeting, its decisions and the institutions it supervises. */
  async recordMeeting(input: TaskForceMeetingInput): Promise<TaskForceMeeting> {
    const heldOn = notFuture('heldOn', input.heldOn);
    const topic = text('topic', input.topic, MAX_TOPIC);
    if (!input.decisions.length) throw new BadInputError('decisions', 'decisions needs at least one decision');
    if (input.decisions.length > MAX_DECISIONS) throw new BadInputError('decisions', `decisions has at most ${MAX_DECISIONS} items`);
    const decisions = input.decisions.map((d, i) => text(`decisions.${i}`, d, MAX_DECISION));
    const institutionIds: string[] = [];
    for (const raw of new Set((input.supervisedInstitutionIds ?? []).map((i) => i.toLowerCase())))
      institutionIds.push(await this.institutionInScope(raw));
    const [{ id }] = await this.manager.query(
      `INSERT INTO task_force_meeting (held_on, topic, decisions, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [heldOn, topic, decisions, this.actor()],
    );
    if (institutionIds.length) {
      await this.manager.query(`INSERT INTO task_force_meeting_institution (meeting_id, institution_id) SELECT $1, unnest($2::uuid[])`, [
        id,
        institutionIds,
      ]);
    }
    return this.manager.findOneByOrFail(TaskForceMeeting, { id });
  }

  private inspectionsById(id: string): Promise<Inspection[]> {
    if (!isUuid(id)) return Promise.resolve([]);
    const scoped = this.scope.inspections('n');
    return this.manager
      .createQueryBuilder(Inspection, 'n')
      .where('n.id = :id', { id: id.toLowerCase() })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
  }

  /** The institution's id when the viewer may read it; else NOT_FOUND, exactly as for a missing one. */
  private async institutionInScope(raw: string): Promise<string> {
    if (!isUuid(raw)) throw new NotFoundError('Institution', raw);
    const scoped = this.scope.institutions('i');
    const rows = await queryRows<{ id: string }>(
      this.manager,
      `SELECT i.id FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`,
      { id: raw.toLowerCase(), ...scoped.params },
    );
    if (!rows[0]) throw new NotFoundError('Institution', raw);
    return rows[0].id;
  }

  private actor(): string {
    return this.scope.viewer?.sub ?? 'unknown';
  }
}

function text(field: string, raw: string, max: number): string {
  const value = (raw ?? '').trim();
  if (!value) throw new BadInputError(field, `${field} may not be blank`);
  if (value.length > max) throw new BadInputError(field, `${field} has at most ${max} characters`);
  return value;
}

function notFuture(field: string, date: string): string {
  const today = businessToday();
  if (date > today) throw new BadInputError(field, `${field} may not be in the future (today is ${today})`);
  return date;
}

/** Supervised institutions of each meeting, in one query per batch, restricted to what the viewer may read. */
export async function supervisedInstitutionIds(manager: EntityManager, scope: Scope, meetingIds: readonly string[]): Promise<string[][]> {
  const scoped = scope.institutions('i');
  const rows = await queryRows<{ meeting_id: string; institution_id: string }>(
    manager,
    `SELECT mi.meeting_id, mi.institution_id FROM task_force_meeting_institution mi
     JOIN guarantee_institution i ON i.id = mi.institution_id
     WHERE mi.meeting_id = ANY(:ids) AND ${scoped.sql} ORDER BY i.name`,
    { ids: [...meetingIds], ...scoped.params },
  );
  return meetingIds.map((id) => rows.filter((r) => r.meeting_id === id).map((r) => r.institution_id));
}
