import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { SystemScope } from '../../access/system-scope';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { InspectionStatus, type Inspection, type TaskForceMeeting } from './oversight.entity';
import { InstitutionRepo } from '../institution/institution.repo';
import type { InspectionInput, TaskForceMeetingInput } from './oversight.inputs';
import { OversightRepo } from './oversight.repo';

const MAX_FINDINGS = 4000;
const MAX_TOPIC = 200;
const MAX_DECISION = 1000;
const MAX_DECISIONS = 100;

/** The task force's decisions are the government's own record: every role the rules admit reads every meeting. */
const MEETINGS = SystemScope.because("R20 task-force meetings: the government's own record, read by every role the rules admit");
/** A row this request just wrote, read back in its own transaction. */
const WRITTEN = SystemScope.because('R20 oversight: the row this request just wrote, read back');

/** R20 oversight records: inspections (实施意见（十）) and task-force meetings (实施意见（十一）). */
export class OversightService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  /** The inspections the viewer may read, newest first; an unknown or out-of-scope institution gives none. */
  inspections(institutionId?: string | null): Promise<Inspection[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    return new OversightRepo(this.manager).inspections(this.scope, institutionId?.toLowerCase());
  }

  /** 市地方金融监管局 records an inspection of an institution in its scope (a county regulator: its county's). */
  async recordInspection(input: InspectionInput): Promise<Inspection> {
    const findings = text('findings', input.findings, MAX_FINDINGS);
    const inspectedOn = notFuture('inspectedOn', input.inspectedOn);
    const due = input.rectificationDueOn ?? null;
    if (due !== null && due < inspectedOn)
      throw new BadInputError('rectificationDueOn', 'rectificationDueOn may not be before inspectedOn');
    const institutionId = await this.institutionInScope(input.institutionId);
    const repo = new OversightRepo(this.manager);
    const id = await repo.insertInspection({
      institutionId,
      kind: input.kind,
      inspectedOn,
      findings,
      rectificationDueOn: due,
      recordedBy: this.actor(),
    });
    return (await repo.inspection(WRITTEN, id))!;
  }

  /** Closes an open inspection once rectified (实施意见（十）: 督促整改). Closing twice is CONFLICT. */
  async closeInspection(id: string, rectifiedOn: string, note?: string | null): Promise<Inspection> {
    const closedOn = notFuture('rectifiedOn', rectifiedOn);
    const kept = note == null || note.trim() === '' ? null : text('note', note, MAX_FINDINGS);
    const repo = new OversightRepo(this.manager);
    const inspection = isUuid(id) ? await repo.inspection(this.scope, id.toLowerCase()) : null;
    if (!inspection) throw new NotFoundError('Inspection', id);
    if (inspection.status !== InspectionStatus.OPEN) throw new ConflictError('This inspection is already closed as rectified');
    if (closedOn < inspection.inspectedOn) throw new BadInputError('rectifiedOn', 'rectifiedOn may not be before the inspection');
    if (!(await repo.close(inspection.id, { rectifiedOn: closedOn, note: kept, closedBy: this.actor() })))
      throw new ConflictError('This inspection is already closed as rectified');
    return (await repo.inspection(WRITTEN, inspection.id))!;
  }

  /** Every meeting, newest first: the task force's decisions are the government's own record. */
  meetings(): Promise<TaskForceMeeting[]> {
    return new OversightRepo(this.manager).meetings(MEETINGS);
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
    const repo = new OversightRepo(this.manager);
    const id = await repo.insertMeeting({ heldOn, topic, decisions, recordedBy: this.actor() });
    await repo.insertMeetingInstitutions(id, institutionIds);
    return repo.meeting(WRITTEN, id);
  }

  /** The institution's id when the viewer may read it; else NOT_FOUND, exactly as for a missing one. */
  private async institutionInScope(raw: string): Promise<string> {
    if (!isUuid(raw)) throw new NotFoundError('Institution', raw);
    const institution = await new InstitutionRepo(this.manager).get(this.scope, raw.toLowerCase());
    if (!institution) throw new NotFoundError('Institution', raw);
    return institution.id;
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
