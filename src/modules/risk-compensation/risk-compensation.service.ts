import type { EntityManager } from 'typeorm';
import type { Scope } from '../../access/scope';
import type { Viewer } from '../../access/viewer';
import { ConflictError, NotFoundError, PolicyViolationError } from '../../platform/errors';
import type { Dec } from '../../platform/lib/decimal';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { money, note } from '../../platform/validation/schemas';
import { z } from 'zod';
import { InstitutionLevel } from '../institution/institution.entity';
import type { PolicyService } from '../policy/policy.service';
import { markClaimPaid } from '../claim/claim-payment';
import { ClaimRepo } from '../claim/claim.repo';
import { requireCompletedYear, requirePolicyYear } from '../claim/claim-year';
import type { RiskCompensationClaim } from './risk-compensation.entity';
import { RiskCompensationRepo } from './risk-compensation.repo';
import { quoteRiskCompensation, type QuoteValues, type TierQuote } from './risk-compensation.calc';
import { ClaimStatus } from './risk-compensation.types';

const NOTE_MAX = 2000;
const previewSchema = z.object({ releasedAmount: money('zero'), compensatedAmount: money('zero') });
const decisionSchema = z.object({ note: note(NOTE_MAX) });

/** A claim's quote as it was frozen at submission: the decision is on these figures, whatever the data does later. */
export function frozenQuote(claim: RiskCompensationClaim): QuoteValues {
  return {
    mode: claim.mode as QuoteValues['mode'],
    releasedAmount: claim.releasedAmount,
    compensatedAmount: claim.compensatedAmount,
    compensationRate: claim.compensationRate,
    payout: claim.payout,
    tiers: claim.tiers as TierQuote[],
  };
}

/**
 * 市级风险补偿 (实施意见（七）, R7): the what-if calculator, the institution's annual claim and the decision of
 * 市财政局 / 市工业和信息化局 (the clause's 牵头单位).
 */
export class RiskCompensationService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly viewer: Viewer | null,
    private readonly policy: PolicyService,
  ) {}

  /** What-if: the quote for any two amounts under the parameter set in force today (Asia/Shanghai). */
  async preview(releasedAmount: Dec | string, compensatedAmount: Dec | string): Promise<QuoteValues> {
    const { releasedAmount: released, compensatedAmount: compensated } = parseInput(previewSchema, { releasedAmount, compensatedAmount });
    const p = await this.policy.inForce();
    return quoteRiskCompensation(released, compensated, p.compensationTiers, p.compensationMode);
  }

  /** Claims in the viewer's scope, optionally of one institution and one year; newest year first. */
  list(institutionId?: string | null, year?: number | null): Promise<RiskCompensationClaim[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    return new RiskCompensationRepo(this.manager).list(this.scope, { institutionId, year });
  }

  /**
   * The institution claims a COMPLETED calendar year (before the current Shanghai year): R7's rate is the
   * year's compensations over the year's releases, so a running year would freeze a partial quote and, being
   * the open claim of its year, block the full one. Figures come from business_month_stats; the tiers and
   * mode from the parameter set in force on the year's last day (R14).
   */
  async submit(institutionId: string, year: number): Promise<RiskCompensationClaim> {
    if (!isUuid(institutionId) || !this.scope.actsFor(institutionId)) throw new NotFoundError('Institution', institutionId);
    requireCompletedYear(year);
    const yearEnd = `${year}-12-31`;
    return this.manager.transaction(async (tx) => {
      const repo = new RiskCompensationRepo(tx);
      const level = await repo.institutionLevel(this.scope, institutionId);
      if (!level) throw new NotFoundError('Institution', institutionId);
      if (level !== InstitutionLevel.MUNICIPAL) {
        throw new PolicyViolationError(
          "市级风险补偿 covers 市级担保机构 only; county institutions claim under their county's own mechanism (实施意见（七）)",
          'R7',
        );
      }
      await requirePolicyYear(tx, year);
      const open = await new ClaimRepo(tx).openStatus(this.scope, 'risk_compensation_claim', institutionId, year);
      if (open) throw new ConflictError(`A claim for ${year} already exists (${open}); a new one may follow only a rejection`);

      const sums = await repo.yearSums(this.scope, institutionId, year);
      const p = await this.policy.inForce(yearEnd, 'year');
      const q = quoteRiskCompensation(sums.released, sums.compensated, p.compensationTiers, p.compensationMode);
      // The unique partial index uq_risk_claim_open turns a concurrent second submission into CONFLICT.
      const id = await repo.insert(institutionId, year, q, this.viewer?.sub);
      return (await repo.get(this.scope, id))!;
    });
  }

  /** SUBMITTED → APPROVED or REJECTED, once; a county-narrowed decider reaches only its region's claims (scope). */
  async decide(id: string, approve: boolean, note?: string | null): Promise<RiskCompensationClaim> {
    if (!isUuid(id)) throw new NotFoundError('RiskCompensationClaim', id);
    const { note: text } = parseInput(decisionSchema, { note });
    return this.manager.transaction(async (tx) => {
      const repo = new RiskCompensationRepo(tx);
      const claim = await repo.get(this.scope, id, true);
      if (!claim) throw new NotFoundError('RiskCompensationClaim', id);
      if (claim.status !== ClaimStatus.SUBMITTED)
        throw new ConflictError(`The claim is ${claim.status}; only a SUBMITTED claim is decided`);
      await repo.setDecision(id, approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED, this.viewer?.role, text);
      return (await repo.get(this.scope, id))!;
    });
  }

  /** 市财政局 records the payment of an approved claim (claim-payment.ts). */
  async markPaid(id: string, paidOn: string): Promise<RiskCompensationClaim> {
    await markClaimPaid(this.manager, this.scope, 'risk_compensation_claim', id, paidOn);
    return (await new RiskCompensationRepo(this.manager).get(this.scope, id.toLowerCase()))!;
  }
}
