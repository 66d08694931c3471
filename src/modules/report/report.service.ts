import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, NotFoundError } from '../../platform/errors';
import { businessToday, isMonth } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { reportFigures, type MonthSums } from './report.calc';
import { MonthlyReport, ReportNotification } from './report.entity';

/** Sums of business_month_stats for one institution: of month $2, and cumulative up to it (DESIGN §5: no guarantee scan). */
const MONTH_SUMS = `
  SELECT coalesce(sum(new_count) FILTER (WHERE month = $2::date), 0)::int AS "newCount",
         coalesce(sum(new_amount) FILTER (WHERE month = $2::date), 0)::text AS "newAmount",
         coalesce(sum(small_agri_amount) FILTER (WHERE month = $2::date), 0)::text AS "smallAgriAmount",
         coalesce(sum(fee_weighted_amount) FILTER (WHERE month = $2::date), 0)::text AS "feeWeightedAmount",
         coalesce(sum(compensated_amount) FILTER (WHERE month = $2::date), 0)::text AS "compensatedAmount",
         coalesce(sum(new_amount), 0)::text AS "cumulativeNewAmount",
         coalesce(sum(released_amount), 0)::text AS "cumulativeReleasedAmount"
    FROM business_month_stats
   WHERE institution_id = $1 AND month <= $2::date`;

/**
 * 月报 (实施意见（十二）, R13): each institution reports its month to the 工作专班办公室 and the report is
 * announced to every bank it cooperates with (向各银行业金融机构通报).
 */
export class ReportService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  /** Reports in the viewer's scope (a bank: its partners'), newest month first, latest version first. */
  async list(institutionId: string | null, month: string | null): Promise<MonthlyReport[]> {
    if (month != null && !isMonth(month)) throw new BadInputError('month', 'month must be YYYY-MM');
    if (institutionId != null && !isUuid(institutionId)) return [];
    const scoped = this.scope.reports('r');
    const q = this.manager.createQueryBuilder(MonthlyReport, 'r').where(scoped.sql, scoped.params);
    if (institutionId != null) q.andWhere('r.institution_id = :institutionId', { institutionId });
    if (month != null) q.andWhere('r.month = :month', { month });
    return q.orderBy('r.month', 'DESC').addOrderBy('r.institution_id').addOrderBy('r.version', 'DESC').getMany();
  }

  /** A bank's 通报 of monthly reports, newest first, each with its report (two queries whatever the count). */
  async notifications(month: string | null): Promise<ReportNotification[]> {
    if (month != null && !isMonth(month)) throw new BadInputError('month', 'month must be YYYY-MM');
    const scoped = this.scope.reportNotifications('n');
    const q = this.manager.createQueryBuilder(ReportNotification, 'n').where(scoped.sql, scoped.params);
    if (month != null) q.andWhere('n.report_id IN (SELECT r.id FROM monthly_report r WHERE r.month = :month)', { month });
    const notifications = await q.orderBy('n.notified_at', 'DESC').addOrderBy('n.id').getMany();
    if (notifications.length === 0) return [];
    const visible = this.scope.reports('r');
    const reports = await this.manager
      .createQueryBuilder(MonthlyReport, 'r')
      .where('r.id = ANY(:ids)', { ids: notifications.map((n) => n.reportId) })
      .andWhere(visible.sql, visible.params)
      .getMany();
    const byId = new Map(reports.map((r) => [r.id, r]));
    // A report the bank may no longer read (no agreement left) is left out rather than half shown.
    return notifications.flatMap((n) => (byId.has(n.reportId) ? [Object.assign(n, { report: byId.get(n.reportId) })] : []));
  }

  /**
   * The institution submits a month: figures computed from the aggregate and frozen in the row; a
   * resubmission is the next version. One notification per partner bank, in the same transaction.
   */
  async submit(institutionId: string, month: string, submittedBy: string): Promise<MonthlyReport> {
    // Only the institution itself reports; to anyone else the institution does not exist.
    if (!isUuid(institutionId) || !this.scope.actsFor(institutionId)) throw new NotFoundError('Institution', institutionId);
    if (!isMonth(month)) throw new BadInputError('month', 'month must be YYYY-MM');
    const current = businessToday().slice(0, 7);
    if (month > current) throw new BadInputError('month', `month may not be in the future (this month is ${current})`);

    return this.manager.transaction(async (tx) => {
      // Submissions of one institution queue on its row, so two of the same month cannot take the same
      // version. NO KEY UPDATE does not block the FOR KEY SHARE that inserts of its business take.
      const [found] = await tx.query(`SELECT id FROM guarantee_institution WHERE id = $1 FOR NO KEY UPDATE`, [institutionId]);
      if (!found) throw new NotFoundError('Institution', institutionId);
      const [sums] = (await tx.query(MONTH_SUMS, [institutionId, `${month}-01`])) as MonthSums[];
      const f = reportFigures(sums);
      const [{ id }] = await tx.query(
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
      // 向各银行业金融机构通报: every bank with an agreement with the institution, once each.
      await tx.query(
        `INSERT INTO report_notification (report_id, bank_id)
         SELECT DISTINCT $1::uuid, bank_id FROM cooperation_agreement WHERE institution_id = $2 ORDER BY 2`,
        [id, institutionId],
      );
      return tx.findOneByOrFail(MonthlyReport, { id });
    });
  }
}
