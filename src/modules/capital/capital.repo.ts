import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import { CapitalInjection } from './capital.entity';

export interface NewInjection {
  institutionId: string;
  amount: string;
  source: string;
  form: string;
  basis: string | null;
  injectedOn: string;
  recordedBy: string;
}

/** capital_injection (R10), and the institution's capital it moves. */
export class CapitalRepo extends Repository {
  /** Injections in scope (scope.capitalInjections), newest first. */
  list(scope: Scope, filter: { institutionId?: string | null }): Promise<CapitalInjection[]> {
    const scoped = scope.capitalInjections('c');
    const query = this.manager.createQueryBuilder(CapitalInjection, 'c').where(scoped.sql, scoped.params);
    if (filter.institutionId != null) query.andWhere('c.institution_id = :institutionId', { institutionId: filter.institutionId });
    return query.orderBy('c.injected_on', 'DESC').addOrderBy('c.created_at', 'DESC').addOrderBy('c.id').getMany();
  }

  /** One injection in scope, or null. */
  get(scope: Scope, id: string): Promise<CapitalInjection | null> {
    const scoped = scope.capitalInjections('c');
    return this.manager.createQueryBuilder(CapitalInjection, 'c').where('c.id = :id', { id }).andWhere(scoped.sql, scoped.params).getOne();
  }

  /** The institution's capital, in scope, locked FOR UPDATE until the caller's transaction ends. */
  lockCapital(scope: Scope, institutionId: string): Promise<{ paid_in: string; net_assets: string } | undefined> {
    const scoped = scope.institutions('i');
    return this.first(
      `SELECT i.paid_in_capital AS paid_in, i.net_assets AS net_assets FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql} FOR UPDATE`,
      { ...scoped.params, id: institutionId },
    );
  }

  /** The injection, and the institution's capital after it. */
  async insert(c: NewInjection, paidIn: string, netAssets: string): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO capital_injection (institution_id, amount, source, form, basis, injected_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [c.institutionId, c.amount, c.source, c.form, c.basis, c.injectedOn, c.recordedBy],
    );
    await this.manager.query(`UPDATE guarantee_institution SET paid_in_capital = $2, net_assets = $3 WHERE id = $1`, [
      c.institutionId,
      paidIn,
      netAssets,
    ]);
    return id;
  }
}
