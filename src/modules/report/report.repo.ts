import type { Scope } from '../../access/scope';
import { Repository } from '../../platform/db/repository';
import type { MonthSums, ReportFigures } from './report.calc';
import { MonthlyReport, ReportNotification } from './report.entity';

/** monthly_report and report_notification (R13), and the aggregate sums a report freezes. */
export class ReportRepo extends Repository {
  /** Reports in scope (a bank: its partners'), newest month first, latest version first. */
  list(scope: Scope, filter: { institutionId: string | null; month: string | null }): Promise<MonthlyReport[]> {
    const scoped = scope.reports('r');
    const q = this.manager.createQueryBuilder(MonthlyReport, 'r').where(scoped.sql, scoped.params);
    if (filter.institutionId != null) q.andWhere('r.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.month != null) q.andWhere('r.month = :month', { month: filter.month });
    return q.orderBy('r.month', 'DESC').addOrderBy('r.institution_id').addOrderBy('r.version', 'DESC').getMany();
  }

  /** Reports in scope by id. */
  byIds(scope: Scope, ids: readonly string[]): Promise<MonthlyReport[]> {
    const scoped = scope.reports('r');
    return this.manager
      .createQueryBuilder(MonthlyReport, 'r')
      .where('r.id = ANY(:ids)', { ids: [...ids] })
      .andWhere(scoped.sql, scoped.params)
      .getMany();
  }

  /** A bank's 通报 in scope, optionally of one month's reports, newest first. */
  notifications(scope: Scope, month: string | null): Promise<ReportNotification[]> {
    const scoped = scope.reportNotifications('n');
    const q = this.manager.createQueryBuilder(ReportNotification, 'n').where(scoped.sql, scoped.params);
    if (month != null) q.andWhere('n.report_id IN (SELECT r.id FROM monthly_report r WHERE r.month = :month)', { month });
    return q.orderBy('n.notified_at', 'DESC').addOrderBy('n.id').getMany();
  }

  /**
   * The institution's row in scope, locked: submissions of one institution queue on it, so two of the same
   * month cannot take the same version. NO KEY UPDATE does not block the FOR KEY SHARE that inserts of its business take.
   */
  async lockInstitution(scope: Scope, institutionId: string): Promise<boolean> {
    const scoped = scope.institutions('i');
    return !!(await this.first(`SELECT i.id FROM guarantee_institution i WHERE i.id = :id AND ${scoped.sql} FOR NO KEY UPDATE`, {
      ...scoped.params,
      id: institutionId,
    }));
  }

  /** Sums of the institution's aggregate cells in scope: of the month, and cumulative up to it (DESIGN §5: no guarantee scan). */
  async monthSums(scope: Scope, institutionId: string, month: string): Promise<MonthSums> {
    const scoped = scope.aggregates('s');
    const [sums] = await this.rows<MonthSums>(
      `SELECT coalesce(sum(s.new_count) FILTER (WHERE s.month = CAST(:month AS date)), 0)::int AS "newCount",
              coalesce(sum(s.new_amount) FILTER (WHERE s.month = CAST(:month AS date)), 0)::text AS "newAmount",
              coalesce(sum(s.small_agri_amount) FILTER (WHERE s.month = CAST(:month AS date)), 0)::text AS "smallAgriAmount",
              coalesce(sum(s.fee_weighted_amount) FILTER (WHERE s.month = CAST(:month AS date)), 0)::text AS "feeWeightedAmount",
              coalesce(sum(s.compensated_amount) FILTER (WHERE s.month = CAST(:month AS date)), 0)::text AS "compensatedAmount",
              coalesce(sum(s.new_amount), 0)::text AS "cumulativeNewAmount",
              coalesce(sum(s.released_amount), 0)::text AS "cumulativeReleasedAmount"
         FROM business_month_stats s
        WHERE s.institution_id = :institution AND s.month <= CAST(:month AS date) AND ${scoped.sql}`,
      { ...scoped.params, institution: institutionId, month: `${month}-01` },
    );
    return sums;
  }

  /** The month's next version, its figures frozen. */
  async insert(institutionId: string, month: string, f: ReportFigures, submittedBy: string): Promise<string> {
    const [{ id }] = await this.manager.query(
      `INSERT INTO monthly_report (institution_id, month, version, new_count, new_amount, outstanding_balance, small_agri_share,
                                   average_fee_rate, compensated_amount, submitted_by)
       SELECT $1::uuid, $2::text, coalesce(max(version), 0) + 1, $3::int, $4::numeric, $5::numeric, $6::numeric, $7::numeric, $8::numeric, $9::text
         FROM monthly_report WHERE institution_id = $1::uuid AND month = $2::text
       RETURNING id`,
      [
        institutionId,
        month,
        f.newCount,
        f.newAmount,
        f.outstandingBalance,
        f.smallAgriShare,
        f.averageFeeRate,
        f.compensatedAmount,
        submittedBy,
      ],
    );
    return id;
  }

  /** 向各银行业金融机构通报: every bank with an agreement with the institution, once each. */
  async notifyPartners(reportId: string, institutionId: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO report_notification (report_id, bank_id)
       SELECT DISTINCT $1::uuid, bank_id FROM cooperation_agreement WHERE institution_id = $2 ORDER BY 2`,
      [reportId, institutionId],
    );
  }
}
