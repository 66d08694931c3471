import type { EntityManager } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { line } from '../../platform/validation/schemas';
import { z } from 'zod';
import { SystemScope } from '../../access/system-scope';
import type { TaskForceMember } from './task-force.entity';
import { TaskForceRepo, type MemberValues } from './task-force.repo';
import type { TaskForceMemberInput } from './task-force.inputs';
import { normalizeName } from './task-force.seed';

const UNIQUE_VIOLATION = '23505';

/** Why each partial unique index of task_force_member exists (实施意见（十一）and its annex). */
const CLASHES: Record<string, string> = {
  uq_task_force_leader: 'The task force has one 组长 (the mayor); change the current one instead',
  uq_task_force_office_director: 'The task force office has one 办公室主任; change the current one instead',
};

/** The annex is a published document: every reader the rules admit reads every member. */
const PUBLISHED = SystemScope.because('R15 task force: the annex is published');

/** 工作专班成员 (R15): seeded from the annex, then maintained by the 专班办公室. */
export class TaskForceService {
  constructor(private readonly manager: EntityManager) {}

  /** Public to every signed-in role the rules admit: the annex is a published document. */
  members(): Promise<TaskForceMember[]> {
    return new TaskForceRepo(this.manager).members(PUBLISHED);
  }

  /** With an id, changes that member (NOT_FOUND when absent); without, adds one. */
  async upsert(input: TaskForceMemberInput): Promise<TaskForceMember> {
    // R15: names carry no padding spaces — the annex's "王  刚" is 王刚.
    const name = normalizeName(input.name ?? '');
    if (!name) throw new BadInputError('name', 'name may not be blank');
    if (name.length > 50) throw new BadInputError('name', 'name has at most 50 characters');
    const { title } = parseInput(z.object({ title: line(200) }), input);
    if (!Number.isInteger(input.sortOrder) || input.sortOrder < 1)
      throw new BadInputError('sortOrder', 'sortOrder must be a whole number ≥ 1');
    const values: MemberValues = [name, title, input.position, input.isOfficeDirector ?? false, input.sortOrder];
    const id = input.id ?? null;
    if (id !== null && !isUuid(id)) throw new NotFoundError('TaskForceMember', id);

    try {
      return await this.manager.transaction(async (tx) => {
        const repo = new TaskForceRepo(tx);
        const saved = id === null ? await repo.insert(values) : await repo.update(id, values);
        if (!saved) throw new NotFoundError('TaskForceMember', id ?? undefined);
        return (await repo.get(PUBLISHED, saved))!;
      });
    } catch (err) {
      const pg = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
      const code = pg.driverError?.code ?? pg.code;
      const constraint = pg.driverError?.constraint ?? pg.constraint ?? '';
      if (code === UNIQUE_VIOLATION && constraint in CLASHES) throw new ConflictError(CLASHES[constraint]);
      throw err;
    }
  }
}
