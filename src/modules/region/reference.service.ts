import type { EntityManager } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { Bank } from '../bank/bank.entity';
import { TaskForceMember } from '../task-force/task-force.entity';
import { Region } from './region.entity';

/** Reads of reference data: regions, banks, the task force. */
export class ReferenceService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  regions(): Promise<Region[]> {
    return this.manager.createQueryBuilder(Region, 'r').orderBy('r.sort_order').addOrderBy('r.code').getMany();
  }

  banks(): Promise<Bank[]> {
    const scoped = this.scope.banks('b');
    return this.manager.createQueryBuilder(Bank, 'b').where(scoped.sql, scoped.params).orderBy('b.name').getMany();
  }

  taskForceMembers(): Promise<TaskForceMember[]> {
    return this.manager.createQueryBuilder(TaskForceMember, 'm').orderBy('m.sort_order').addOrderBy('m.name').getMany();
  }
}
