import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import { SystemScope } from '../../access/system-scope';
import { BadInputError } from '../../platform/errors';
import { AnswerCache } from '../../platform/lib/answer-cache';
import { businessToday, isMonth, monthBounds } from '../../platform/lib/dates';
import { dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { FARMERS, SMALL_MICRO, weightedLiabilityFromSums } from '../evaluation/evaluation.calc';
import type { PolicyParameterSet } from '../policy/policy.entity';
import type { PolicyService } from '../policy/policy.service';
import { WarningRepo, type InstitutionFigures } from './warning.repo';
import * as calc from './warning.calc';
import { SupervisionEntry, Warning, WarningIndicator, WarningLevel } from './warning.types';

/** The warnings of a date with the figures of the institutions and the policy version they were computed from. */
interface OnDate {
  warnings: Warning[];
  institutions: InstitutionFigures[];
  parameters: PolicyParameterSet;
}

/** Answers of this process (platform/lib/answer-cache.ts): a few dates × the scopes in use. */
const ANSWERS = new AnswerCache<OnDate>(200);
const VERSION = SystemScope.because("the warnings cache's data version: a counter and digests, no row reaches the viewer");

/** Forget every cached answer (tests compare a cached answer with one computed afresh). */
export const clearWarningCache = () => ANSWERS.clear();

const pct = (v: string | null) => (v === null ? '—' : `${dec(v).times(100).toFixed(2)}%`);
const times = (v: string | null) => (v === null ? '—' : `${dec(v).toFixed(2)}倍`);

/** R17 warnings and the R18 supervision list, for the institutions the viewer may read. */
export class WarningService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  /** Worst first (RED before YELLOW), then by institution name. */
  async warnings(asOf?: string | null, institutionId?: string | null, minLevel?: WarningLevel | null): Promise<Warning[]> {
    const today = businessToday();
    const on = asOf ?? today;
    if (on > today) throw new BadInputError('asOf', `asOf may not be in the future (today is ${today})`);
    if (institutionId != null && !isUuid(institutionId)) return [];
    const { warnings: found } = await this.on(on, 'asOf', institutionId?.toLowerCase() ?? undefined);
    return found.filter((w) => minLevel !== WarningLevel.RED || w.level === WarningLevel.RED);
  }

  /** R18 (实施意见（十一）督导): for a month, institutions late with its report or with a RED warning at its end. */
  async supervisionList(month: string): Promise<SupervisionEntry[]> {
    if (!isMonth(month)) throw new BadInputError('month', 'month is YYYY-MM');
    const today = businessToday();
    const { from, to } = monthBounds(month);
    if (from > today) throw new BadInputError('month', `month may not be in the future (today is ${today})`);
    const atEnd = to < today ? to : today;
    // The institutions' figures and the policy version come with the warnings (one read of the year's aggregate).
    const { warnings, institutions, parameters: p } = await this.on(atEnd, 'month');
    const repo = new WarningRepo(this.manager);
    const ids = institutions.map((i) => i.id);
    const due = dueDate(month, p.reportDueDay);
    const firsts = await repo.firstReportDates(this.scope, ids, month);
    const entries: SupervisionEntry[] = [];
    for (const i of institutions) {
      const first = firsts.get(i.id);
      // Before the due day nobody is late; a late report leaves the month late.
      const reportOverdue = today > due && (first === undefined || first > due);
      const red = warnings.filter((w) => w.institutionId === i.id && w.level === WarningLevel.RED);
      if (!reportOverdue && !red.length) continue;
      const reasons = [
        ...(reportOverdue
          ? [first ? `${label(month)}月报逾期报送（应于${due}前报送，实际${first}）` : `${label(month)}月报未按期报送（应于${due}前报送）`]
          : []),
        ...red.map((w) => w.message),
      ];
      entries.push({ institutionId: i.id, month, reportOverdue, redWarnings: red, reasons });
    }
    return entries;
  }

  /**
   * The warnings on a date, worst first, with the figures of the institutions they were computed from: from the
   * cache when nothing they depend on changed since they were computed for this scope (issue 12: computing them
   * folds the year's aggregate of every institution), else afresh. The version is read before the figures, so an
   * answer is never older than the version it is stored under; the cached objects are shared, never changed.
   */
  private async on(on: string, field: string, institutionId?: string): Promise<OnDate> {
    const repo = new WarningRepo(this.manager);
    const { version, ownWrites } = await repo.dataVersion(VERSION, [previousMonth(on)]);
    const key = JSON.stringify([this.scope.institutions('i'), on, institutionId ?? null]);
    const cached = ownWrites ? undefined : ANSWERS.get(key, version);
    if (cached) return cached;
    // A date before the first policy version is refused here (R14), so never cached.
    const answer = await this.compute(on, await this.parameters(on, field), repo, institutionId);
    if (!ownWrites) ANSWERS.set(key, version, answer);
    return answer;
  }

  private async compute(on: string, p: PolicyParameterSet, repo: WarningRepo, institutionId?: string): Promise<OnDate> {
    const institutions = await repo.institutionFigures(this.scope, on, institutionId);
    const ids = institutions.map((i) => i.id);
    const bounds = {
      smallKinds: [...SMALL_MICRO],
      smallLoanAmount: p.leverageSmallLoanAmount,
      farmerKinds: [...FARMERS],
      farmerLoanAmount: p.leverageFarmerLoanAmount,
    };
    const [figures, agreements] = await Promise.all([
      repo.inForce(this.scope, ids, on, bounds, calc.inForcePath(institutions)),
      repo.agreementsInForce(this.scope, ids, on),
    ]);
    const held = new Map(figures.map((f) => [f.institutionId, f]));
    const lastMonth = previousMonth(on);
    const due = dueDate(lastMonth, p.reportDueDay);
    const reported = on > due ? await repo.firstReportDates(this.scope, ids, lastMonth) : new Map<string, string>();

    const out: Warning[] = [];
    for (const i of institutions) {
      const raise = (
        indicator: WarningIndicator,
        r: calc.Raised | null,
        message: (r: calc.Raised) => string,
        agreementId: string | null = null,
      ) => {
        if (r)
          out.push({
            indicator,
            level: r.level as WarningLevel,
            institutionId: i.id,
            institutionName: i.name,
            agreementId,
            value: r.value,
            threshold: r.threshold,
            message: message(r),
          });
      };
      for (const w of flowWarnings(i, p)) raise(w.indicator, w.raised, w.message);
      const mine = held.get(i.id);
      const inForce = dec(mine?.balance ?? 0);
      const focused = !inForce.isZero() && dec(mine!.smallAgriBalance).div(inForce).gte('0.5');
      const cap = focused ? p.leverageCapFocused : p.leverageCap;
      const weighted = weightedLiabilityFromSums(inForce.toFixed(), mine?.smallWeightedBalance ?? '0', p.leverageSmallWeight);
      raise(
        WarningIndicator.LEVERAGE,
        calc.capWarning(dec(i.netAssets).gt(0) ? calc.exactRatio(weighted.toFixed(), i.netAssets) : null, cap),
        (r) => `放大倍数${times(r.value)}，上限${times(cap)}`,
      );
      const largest = mine?.largestHousehold ?? '0';
      raise(
        WarningIndicator.SINGLE_BORROWER_CONCENTRATION,
        calc.concentrationWarning(largest, i.netAssets, p.maxSingleBorrowerShare),
        (r) => `单一客户在保余额占净资产${pct(r.value)}，阈值${pct(r.threshold)}`,
      );
      for (const a of agreements.filter((x) => x.institutionId === i.id)) {
        raise(
          WarningIndicator.CREDIT_LINE_USAGE,
          calc.creditLineWarning(a.usedCredit, a.creditLine),
          (r) => `合作协议授信额度已使用${pct(r.value)}`,
          a.id,
        );
        raise(
          WarningIndicator.BANK_RISK_SHARE_EXCEPTION,
          calc.riskShareWarning(a.bankRiskShare, p.minBankRiskShare),
          (r) => `银行分险比例${pct(r.value)}，低于${pct(r.threshold)}`,
          a.id,
        );
      }
      if (on > due && !reported.has(i.id)) {
        out.push({
          indicator: WarningIndicator.REPORT_OVERDUE,
          level: WarningLevel.RED,
          institutionId: i.id,
          institutionName: i.name,
          agreementId: null,
          value: null,
          threshold: null,
          message: `${label(lastMonth)}月报逾期未报（应于${due}前报送）`,
        });
      }
    }
    const rank = (w: Warning) => (w.level === WarningLevel.RED ? 0 : 1);
    const warnings = out.sort(
      (a, b) =>
        rank(a) - rank(b) || a.institutionName.localeCompare(b.institutionName, 'zh-CN') || a.institutionId.localeCompare(b.institutionId),
    );
    return { warnings, institutions, parameters: p };
  }

  /** The version in force on the date; a date before the first one is BAD_USER_INPUT (R14). */
  private parameters(on: string, field: string): Promise<PolicyParameterSet> {
    return this.policy.inForce(on, field);
  }
}

/** The year-to-date flows' warnings: R3's two shares, R4's fee rate, R7's compensation rate. */
function flowWarnings(i: InstitutionFigures, p: PolicyParameterSet) {
  return [
    {
      indicator: WarningIndicator.SMALL_AGRI_SHARE,
      raised: calc.shareWarning(calc.exactRatio(i.smallAgriAmount, i.newAmount), p.smallAgriTargetShare),
      message: (r: calc.Raised) => `本年支小支农占比${pct(r.value)}，目标${pct(p.smallAgriTargetShare)}`,
    },
    {
      indicator: WarningIndicator.SMALL_HOUSEHOLD_SHARE,
      raised: calc.shareWarning(calc.exactRatio(i.smallHouseholdAmount, i.newAmount), p.smallHouseholdTargetShare),
      message: (r: calc.Raised) => `本年单户500万元及以下占比${pct(r.value)}，目标${pct(p.smallHouseholdTargetShare)}`,
    },
    {
      indicator: WarningIndicator.AVERAGE_FEE_RATE,
      raised: calc.capWarning(calc.exactRatio(i.feeWeightedAmount, i.newAmount), p.feeRateTarget),
      message: (r: calc.Raised) => `本年平均担保费率${pct(r.value)}，目标不超过${pct(p.feeRateTarget)}`,
    },
    {
      indicator: WarningIndicator.COMPENSATION_RATE,
      raised: calc.compensationWarning(calc.exactRatio(i.compensatedAmount, i.releasedAmount)),
      message: (r: calc.Raised) => `本年代偿率${pct(r.value)}，阈值${pct(r.threshold)}`,
    },
  ];
}

/** The day of the month after `month` by which its report is due. */
export function dueDate(month: string, dueDay: number): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-${String(dueDay).padStart(2, '0')}`;
}

function previousMonth(on: string): string {
  const [y, m] = on.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
