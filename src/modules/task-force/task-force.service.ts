import type { EntityManager } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { line } from '../../platform/validation/schemas';
import { z } from 'zod';
import { TaskForceMember } from './task-force.entity';
import type { TaskForceMemberInput } from './task-force.inputs';
import { normalizeName } from './task-force.seed';

const UNIQUE_VIOLATION = '23505';

/** Why each partial unique index of task_force_member exists (实施意见（十一）and its annex). */
const CLASHES: Record<string, string> = {
  uq_task_force_leader: 'The task force has one 组长 (the mayor); change the current one instead',
  uq_task_force_office_director: 'The task force office has one 办公室主任; change the current one instead',
};

/** 工作专班成员 (R15): seeded from the annex, then maintained by the 专班办公室. */
export class TaskForceService {
  constructor(private readonly manager: EntityManager) {}

  /** Public to every signed-in role the rules admit: the annex is a published document. */
  members(): Promise<TaskForceMember[]> {
    return this.manager.createQueryBuilder(TaskForceMember, 'm').orderBy('m.sort_order').addOrderBy('m.name').getMany();
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
    const values = [name, title, input.position, input.isOfficeDirector ?? false, input.sortOrder];
    const id = input.id ?? null;
    if (id !== null && !isUuid(id)) throw new NotFoundError('TaskForceMember', id);

    try {
      return await this.manager.transaction(async (tx) => {
        const row: { id: string } | undefined =
          id === null
            ? (
                await tx.query(
                  `INSERT INTO task_force_member (name, title, position, is_office_director, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
                  values,
                )
              )[0]
            : // TypeORM answers an UPDATE with [rows, affected].
              (
                await tx.query(
                  `UPDATE task_force_member SET name = $1, title = $2, position = $3, is_office_director = $4, sort_order = $5 WHERE id = $6 RETURNING id`,
                  [...values, id],
                )
              )[0][0];
        if (!row) throw new NotFoundError('TaskForceMember', id ?? undefined);
        return tx.findOneByOrFail(TaskForceMember, { id: row.id });
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
