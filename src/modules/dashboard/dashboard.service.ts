import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { BadInputError } from '../../platform/errors';
import { businessToday, monthBounds } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import type { PolicyService } from '../policy/policy.service';
import { NO_SUMS, everyMonth, type SliceFigures, type SliceSums, sliceOf } from './dashboard.calc';
import type { DashboardFilter } from './dashboard.types';
import { SystemScope } from '../../access/system-scope';
import { AnswerCache } from '../../platform/lib/answer-cache';
import { DashboardRepo, GROUP, type DashboardRow, type DashboardWhere } from './dashboard.repo';

export interface DashboardFigures {
  total: SliceFigures;
  byRegion: SliceFigures[];
  byInstitution: SliceFigures[];
  byBank: SliceFigures[];
  byMonth: SliceFigures[];
  targets: Awaited<ReturnType<PolicyService['targets']>>;
}

export type Answer = Omit<DashboardFigures, 'targets'>;

/** Answers of this process (platform/lib/answer-cache.ts): a few hundred scope × filter combinations in use at once. */
const ANSWERS = new AnswerCache<Answer>(500);
const VERSION = SystemScope.because("the dashboard cache's data version: a counter and a digest, no row reaches the viewer");

/** The period the aggregate can answer: whole calendar months. `to` open-ended means "as at today's month". */
export interface Period {
  from: string | null;
  to: string;
}

/**
 * City dashboards (../shared/DESIGN.md §1) over business_month_stats only, never the guarantee table (§5: 10^6 rows):
 * one grouped statement answers every slice, however many regions, institutions, banks and months there
 * are, plus the policy targets' lookup.
 */
export class DashboardService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  async dashboard(filter: DashboardFilter | null | undefined): Promise<DashboardFigures> {
    const period = this.period(filter ?? {});
    const today = businessToday();
    // The targets the period is measured against: those in force at its end (today while it runs). A period
    // ending before the first parameter set (实施意见 of 2023-03-29) is shown against today's.
    const targets = await this.policy.targets(period.to < today ? period.to : today).catch(() => this.policy.targets());
    // An id that is no uuid names nothing: the answer is the empty dashboard, as for an unknown uuid.
    const ids = [filter?.regionId, filter?.institutionId, filter?.bankId];
    if (ids.some((id) => id !== null && id !== undefined && !isUuid(id))) return { ...figuresOf([], period), targets };

    const where = { ...period, regionId: filter?.regionId, institutionId: filter?.institutionId, bankId: filter?.bankId };
    return { ...(await this.answer(where)), targets };
  }

  /**
   * The slices from the cache when nothing they depend on changed since they were computed (issue 12: the fold of
   * the aggregate costs tens of milliseconds at 10^6 guarantees), else from the aggregate. The version is read
   * before the aggregate, so an answer is never older than the version it is stored under.
   */
  private async answer(where: DashboardWhere): Promise<Answer> {
    const repo = new DashboardRepo(this.manager);
    const { version, ownWrites } = await repo.dataVersion(VERSION);
    const key = JSON.stringify([this.scope.aggregates('s'), where.from, where.to, where.regionId, where.institutionId, where.bankId]);
    const cached = ownWrites ? undefined : ANSWERS.get(key, version);
    if (cached) return cached;
    const answer = figuresOf(await repo.slices(this.scope, where), where);
    if (!ownWrites) ANSWERS.set(key, version, answer);
    return answer;
  }

  /**
   * The aggregate is monthly, so a period must be whole months: `from` the first day of a month, `to` the
   * last day of one. Anything else would silently count days outside the period; it is refused instead.
   */
  private period(filter: DashboardFilter): Period {
    const { from, to } = filter;
    if (from && !from.endsWith('-01'))
      throw new BadInputError('filter.from', `from must be the first day of a month (the figures are monthly), not ${from}`);
    if (to && to !== monthBounds(to.slice(0, 7)).to)
      throw new BadInputError('filter.to', `to must be the last day of a month (the figures are monthly), not ${to}`);
    if (from && to && from > to) throw new BadInputError('filter.to', `to (${to}) may not precede from (${from})`);
    return { from: from ?? null, to: to ?? monthBounds(businessToday().slice(0, 7)).to };
  }
}

function empty(): Answer {
  return { total: sliceOf('total', '合计', NO_SUMS), byRegion: [], byInstitution: [], byBank: [], byMonth: [] };
}

/** The slices of rows in the repository's shape (also a floor's, bench/dashboard-floor.ts); byMonth every month of the period (dashboard.calc.ts everyMonth). */
export function figuresOf(rows: DashboardRow[], period: Period): Answer {
  const out = empty();
  const months: { month: string; sums: SliceSums }[] = [];
  for (const row of rows) {
    if (row.grp === GROUP.month) {
      months.push({ month: row.key!, sums: sumsOf(row) });
      continue;
    }
    const slice = sliceOf(row.key ?? 'total', row.label ?? '合计', sumsOf(row));
    if (row.grp === GROUP.total) out.total = slice;
    else if (row.grp === GROUP.region) out.byRegion.push(slice);
    else if (row.grp === GROUP.institution) out.byInstitution.push(slice);
    else if (row.grp === GROUP.bank) out.byBank.push(slice);
  }
  const first = period.from?.slice(0, 7) ?? months[0]?.month;
  // byMonth has a slice per month of the period: a period of centuries would be tens of thousands of them.
  if (first && monthCount(first, period.to.slice(0, 7)) > MAX_MONTHS)
    throw new BadInputError(
      period.from ? 'filter.from' : 'filter.to',
      `the period may span at most ${MAX_MONTHS} months (byMonth lists each)`,
    );
  out.byMonth = everyMonth(months, period.from?.slice(0, 7) ?? null, period.to.slice(0, 7));
  return out;
}

const MAX_MONTHS = 1200;
const monthCount = (first: string, last: string) =>
  (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;

function sumsOf(row: DashboardRow): SliceSums {
  return {
    newCount: Number(row.new_count),
    newAmount: row.new_amount,
    smallAgriCount: Number(row.small_agri_count),
    smallAgriAmount: row.small_agri_amount,
    smallHouseholdAmount: row.small_household_amount,
    feeWeightedAmount: row.fee_weighted_amount,
    feeRateSum: row.fee_rate_sum,
    releasedAmount: row.released_amount,
    compensatedAmount: row.compensated_amount,
    grantedToDate: row.granted_to_date,
    releasedToDate: row.released_to_date,
  };
}
