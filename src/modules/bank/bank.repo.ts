import type { Scope } from '../../access/scope';
import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { Bank } from './bank.entity';

/** bank: reference data for every business role (a bank sees itself: scope.banks). */
export class BankRepo extends Repository {
  list(scope: Scope): Promise<Bank[]> {
    const scoped = scope.banks('b');
    return this.manager.createQueryBuilder(Bank, 'b').where(scoped.sql, scoped.params).orderBy('b.name').getMany();
  }

  /** Banks in scope by id (ids checked to be UUIDs): the per-request loader. */
  byIds(scope: Scope, ids: readonly string[]): Promise<Bank[]> {
    const scoped = scope.banks('b');
    return this.manager
      .createQueryBuilder(Bank, 'b')
      .where('b.id = ANY(:ids)', { ids: [...ids] })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
  }

  /** Whether a bank of that name exists anywhere: names are unique in the hub, whoever may read the bank. */
  async nameTaken(_scope: SystemScope, name: string): Promise<boolean> {
    return !!(await this.first(`SELECT 1 FROM bank WHERE name = :name`, { name }));
  }

  async insert(b: { name: string; kind: string; regionId: string | null }): Promise<string> {
    const [{ id }] = await this.manager.query(`INSERT INTO bank (name, kind, region_id) VALUES ($1, $2, $3) RETURNING id`, [
      b.name,
      b.kind,
      b.regionId,
    ]);
    return id;
  }
}
