import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { money } from '../../platform/lib/decimal';
import { compensationRate, ratio } from '../indicators/indicators.calc';
import { ScorecardRepo } from './scorecard.repo';
import type { BankScorecard } from './scorecard.types';

/**
 * R19 (实施意见（四）: 银担合作纳入银行支持地方经济发展考核): one scorecard per bank the viewer may see. Volumes come
 * from the monthly aggregate; the risk share and batch share of the year's new business from the guarantees
 * started in it (figures only, through the aggregate scope: no borrower is read). A county-narrowed reader
 * sees its region's institutions' business with each bank.
 */
export class ScorecardService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
  ) {}

  async bankScorecards(year: number): Promise<BankScorecard[]> {
    const thisYear = Number(businessToday().slice(0, 4));
    if (!Number.isInteger(year) || year < 2000 || year > thisYear)
      throw new BadInputError('year', `year is from 2000 to ${thisYear} (the current year so far)`);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const rows = await new ScorecardRepo(this.manager).bankYear(this.scope, from, to);
    return rows.map((r) => ({
      bankId: r.bank_id,
      year,
      agreementCount: r.agreement_count,
      creditLine: money(r.credit_line),
      usedCredit: money(r.used_credit),
      newCount: r.new_count,
      newAmount: money(r.new_amount),
      smallAgriAmount: money(r.small_agri_amount),
      averageBankRiskShare: ratio(r.risk_weighted_amount, r.guaranteed_amount),
      batchShare: ratio(r.batch_amount, r.guaranteed_amount),
      compensatedAmount: money(r.compensated_amount),
      compensationRate: compensationRate(r.compensated_amount, r.released_amount),
    }));
  }
}
