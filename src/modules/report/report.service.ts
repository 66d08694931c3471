import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError, NotFoundError } from '../../platform/errors';
import { businessToday, isMonth } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { reportFigures } from './report.calc';
import type { MonthlyReport, ReportNotification } from './report.entity';
import { ReportRepo } from './report.repo';

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
    return new ReportRepo(this.manager).list(this.scope, { institutionId, month });
  }

  /** A bank's 通报 of monthly reports, newest first, each with its report (two queries whatever the count). */
  async notifications(month: string | null): Promise<ReportNotification[]> {
    if (month != null && !isMonth(month)) throw new BadInputError('month', 'month must be YYYY-MM');
    const repo = new ReportRepo(this.manager);
    const notifications = await repo.notifications(this.scope, month);
    if (notifications.length === 0) return [];
    const reports = await repo.byIds(
      this.scope,
      notifications.map((n) => n.reportId),
    );
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
      const repo = new ReportRepo(tx);
      // Submissions of one institution queue on its row (ReportRepo.lockInstitution).
      if (!(await repo.lockInstitution(this.scope, institutionId))) throw new NotFoundError('Institution', institutionId);
      const f = reportFigures(await repo.monthSums(this.scope, institutionId, month));
      const id = await repo.insert(institutionId, month, f, submittedBy);
      await repo.notifyPartners(id, institutionId);
      const [report] = await repo.byIds(this.scope, [id]);
      return report;
    });
  }
}
