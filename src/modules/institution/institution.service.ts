import type { EntityManager } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { isUuid } from '../../lib/ids';
import { GuaranteeInstitution } from './institution.entity';

export class InstitutionService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  list(): Promise<GuaranteeInstitution[]> {
    const scoped = this.scope.institutions('i');
    return this.manager.createQueryBuilder(GuaranteeInstitution, 'i').where(scoped.sql, scoped.params).orderBy('i.level').addOrderBy('i.name').getMany();
  }

  /** Out of scope and missing look the same: null. */
  async find(id: string): Promise<GuaranteeInstitution | null> {
    if (!isUuid(id)) return null;
    const scoped = this.scope.institutions('i');
    return this.manager.createQueryBuilder(GuaranteeInstitution, 'i').where('i.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }
}
