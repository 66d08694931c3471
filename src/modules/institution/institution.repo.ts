import type { Scope } from '../../access/scope';
import type { SystemScope } from '../../access/system-scope';
import { Repository } from '../../platform/db/repository';
import { GuaranteeInstitution, type ListStatus } from './institution.entity';

export interface NewInstitution {
  name: string;
  creditCode: string;
  level: string;
  regionId: string;
  isReGuarantor: boolean;
  registeredCapital: string;
  paidInCapital: string;
  netAssets: string;
}

/** guarantee_institution, read through scope.institutions. */
export class InstitutionRepo extends Repository {
  list(scope: Scope): Promise<GuaranteeInstitution[]> {
    const scoped = scope.institutions('i');
    return this.manager
      .createQueryBuilder(GuaranteeInstitution, 'i')
      .where(scoped.sql, scoped.params)
      .orderBy('i.level')
      .addOrderBy('i.name')
      .getMany();
  }

  /** Institutions in scope by id (ids checked to be UUIDs): `find` and the per-request loader. */
  byIds(scope: Scope, ids: readonly string[]): Promise<GuaranteeInstitution[]> {
    const scoped = scope.institutions('i');
    return this.manager
      .createQueryBuilder(GuaranteeInstitution, 'i')
      .where('i.id = ANY(:ids)', { ids: [...ids] })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
  }

  /** One institution in scope; `lock` holds it FOR UPDATE until the caller's transaction ends. */
  get(scope: Scope, id: string, lock = false): Promise<GuaranteeInstitution | null> {
    const scoped = scope.institutions('i');
    const q = this.manager.createQueryBuilder(GuaranteeInstitution, 'i');
    if (lock) q.setLock('pessimistic_write');
    return q.where('i.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }

  /** An institution with the name or the credit code, anywhere: both are unique in the hub, whoever may read it. */
  clash(_scope: SystemScope, name: string, creditCode: string): Promise<{ same_name: boolean } | undefined> {
    return this.first(`SELECT name = :name AS same_name FROM guarantee_institution WHERE name = :name OR credit_code = :code LIMIT 1`, {
      name,
      code: creditCode,
    });
  }

  async insert(i: NewInstitution): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO guarantee_institution (name, credit_code, level, region_id, is_re_guarantor, registered_capital, paid_in_capital, net_assets)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [i.name, i.creditCode, i.level, i.regionId, i.isReGuarantor, i.registeredCapital, i.paidInCapital, i.netAssets],
    );
    return id;
  }

  /** 名单管理: the new list status and the day it was reached. */
  async setListStatus(id: string, status: ListStatus, column: 'reported_on' | 'admitted_on', on: string): Promise<void> {
    await this.manager.query(`UPDATE guarantee_institution SET list_status = $2, ${column} = $3 WHERE id = $1`, [id, status, on]);
  }
}
