import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { TaskForceMember } from './task-force.entity';

export type MemberValues = [name: string, title: string, position: string, isOfficeDirector: boolean, sortOrder: number];

/** task_force_member (R15): the annex is a published document, so its reads take a SystemScope naming that. */
export class TaskForceRepo extends Repository {
  members(_scope: SystemScope): Promise<TaskForceMember[]> {
    return this.manager.createQueryBuilder(TaskForceMember, 'm').orderBy('m.sort_order').addOrderBy('m.name').getMany();
  }

  get(_scope: SystemScope, id: string): Promise<TaskForceMember | null> {
    return this.manager.createQueryBuilder(TaskForceMember, 'm').where('m.id = :id', { id }).getOne();
  }

  async insert(values: MemberValues): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO task_force_member (name, title, position, is_office_director, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      values,
    );
    return id;
  }

  /** The member's new values; undefined when no member has the id. */
  async update(id: string, values: MemberValues): Promise<string | undefined> {
    const [row] = await this.rows<{ id: string }>(
      `UPDATE task_force_member SET name = :name, title = :title, position = :position, is_office_director = :director, sort_order = :sort
        WHERE id = :id RETURNING id`,
      { name: values[0], title: values[1], position: values[2], director: values[3], sort: values[4], id },
    );
    return row?.id;
  }
}
