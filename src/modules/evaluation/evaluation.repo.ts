import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import type { HouseholdBalance } from './evaluation.calc';
import { PerformanceEvaluation } from './evaluation.entity';

/** The year's sums from the monthly aggregate (DESIGN §5: never a scan of the guarantees for flows). */
export interface YearFlows {
  newAmount: string;
  smallAgriAmount: string;
  feeWeightedAmount: string;
  releasedAmount: string;
  compensatedAmount: string;
}

/** performance_evaluation, and the figures an evaluation computes its indicators from (R11). */
export class EvaluationRepo extends Repository {
  /** Evaluations in scope (scope.evaluations), newest year first. */
  list(scope: Scope, filter: { institutionId?: string | null; year?: number | null }): Promise<PerformanceEvaluation[]> {
    const scoped = scope.evaluations('e');
    const query = this.manager.createQueryBuilder(PerformanceEvaluation, 'e').where(scoped.sql, scoped.params);
    if (filter.institutionId != null) query.andWhere('e.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.year != null) query.andWhere('e.year = :year', { year: filter.year });
    return query.orderBy('e.year', 'DESC').addOrderBy('e.institution_id').getMany();
  }

  /** One evaluation in scope, or null. */
  get(scope: Scope, id: string): Promise<PerformanceEvaluation | null> {
    const scoped = scope.evaluations('e');
    return this.manager
      .createQueryBuilder(PerformanceEvaluation, 'e')
      .where('e.id = :id', { id })
      .andWhere(scoped.sql, scoped.params)
      .getOne();
  }

  /** The evaluated institution's level and net assets, in scope (scope.institutions). */
  institution(scope: Scope, id: string): Promise<{ level: string; net_assets: string } | undefined> {
    const scoped = scope.institutions('i');
    return this.first(
      `SELECT i.level AS level, i.net_assets AS net_assets FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql}`,
      {
        ...scoped.params,
        id,
      },
    );
  }

  /** Whether the institution's evaluation of the year is recorded (in scope). */
  async exists(scope: Scope, institutionId: string, year: number): Promise<boolean> {
    const scoped = scope.evaluations('e');
    return !!(await this.first(
      `SELECT 1 FROM performance_evaluation e WHERE e.institution_id = :institution AND e.year = :year AND ${scoped.sql}`,
      {
        ...scoped.params,
        institution: institutionId,
        year,
      },
    ));
  }

  async insert(e: {
    institutionId: string;
    year: number;
    smallAgriShare: string | null;
    averageFeeRate: string | null;
    compensationRate: string | null;
    leverage: string | null;
    score: string;
    grade: string;
    evaluatorRole: string | undefined;
    comment: string | null;
  }): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO performance_evaluation (institution_id, year, small_agri_share, average_fee_rate, compensation_rate, leverage, score, grade, evaluator_role, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        e.institutionId,
        e.year,
        e.smallAgriShare,
        e.averageFeeRate,
        e.compensationRate,
        e.leverage,
        e.score,
        e.grade,
        e.evaluatorRole,
        e.comment,
      ],
    );
    return id;
  }

  /** The year's flows of the institution's aggregate cells in scope (scope.aggregates). */
  async yearFlows(scope: Scope, institutionId: string, year: number): Promise<YearFlows> {
    const scoped = scope.aggregates('s');
    const [row] = await this.rows<Record<string, string>>(
      `SELECT COALESCE(SUM(s.new_amount), 0)::text AS new_amount,
            COALESCE(SUM(s.small_agri_amount), 0)::text AS small_agri_amount,
            COALESCE(SUM(s.fee_weighted_amount), 0)::text AS fee_weighted_amount,
            COALESCE(SUM(s.released_amount), 0)::text AS released_amount,
            COALESCE(SUM(s.compensated_amount), 0)::text AS compensated_amount
       FROM business_month_stats s
      WHERE s.institution_id = :institution AND s.month >= make_date(:year, 1, 1) AND s.month < make_date(:year + 1, 1, 1) AND ${scoped.sql}`,
      { ...scoped.params, institution: institutionId, year },
    );
    return {
      newAmount: row.new_amount,
      smallAgriAmount: row.small_agri_amount,
      feeWeightedAmount: row.fee_weighted_amount,
      releasedAmount: row.released_amount,
      compensatedAmount: row.compensated_amount,
    };
  }

  /**
   * R9's balance: the institution's guarantees in force at the end of `on` (started by then, not released by
   * then), summed per borrower and guarantee kind — a LOAN sum is the borrower's 单户在保余额. One query per
   * institution; it reads the guarantee table through ix_guarantee_institution.
   */
  async inForceBalances(scope: Scope, institutionId: string, on: string): Promise<HouseholdBalance[]> {
    const scoped = scope.guarantees('g');
    const rows = await this.rows<{ borrower_kind: string; guarantee_kind: string; balance: string }>(
      `SELECT b.kind AS borrower_kind, g.kind AS guarantee_kind, SUM(g.guaranteed_amount)::text AS balance
       FROM guarantee g JOIN borrower b ON b.id = g.borrower_id
      WHERE g.institution_id = :institution AND g.start_on <= :on AND (g.released_on IS NULL OR g.released_on > :on) AND ${scoped.sql}
      GROUP BY g.borrower_id, b.kind, g.kind`,
      { ...scoped.params, institution: institutionId, on },
    );
    return rows.map((r) => ({ borrowerKind: r.borrower_kind, guaranteeKind: r.guarantee_kind, balance: r.balance }));
  }
}
