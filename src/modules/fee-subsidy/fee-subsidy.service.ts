import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Scope } from '../../access/scope';
import { Role } from '../../access/roles';
import type { Viewer } from '../../access/viewer';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { note } from '../../platform/validation/schemas';
import { markClaimPaid } from '../claim/claim-payment';
import { ClaimRepo } from '../claim/claim.repo';
import { requireCompletedYear, requirePolicyYear } from '../claim/claim-year';
import type { PolicyService } from '../policy/policy.service';
import { ClaimStatus } from '../risk-compensation/risk-compensation.types';
import { feeSubsidyFigures, isFeeSubsidyEligible } from './fee-subsidy.calc';
import type { FeeSubsidyClaim } from './fee-subsidy.entity';
import { type Department, FeeSubsidyRepo } from './fee-subsidy.repo';

const NOTE_MAX = 2000;
const decisionSchema = z.object({ note: note(NOTE_MAX) });
const DEPARTMENT: Partial<Record<Role, Department>> = { [Role.INDUSTRY]: 'industry', [Role.FINANCE]: 'finance' };

/**
 * 担保费补贴 (实施意见（八）, R8): the institution claims a completed year; 市工业和信息化局 and 市财政局 each decide it once
 * (approved when both have approved, in either order; rejected when either rejects); 市财政局 records the payment.
 */
export class FeeSubsidyService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly viewer: Viewer | null,
    private readonly policy: PolicyService,
  ) {}

  /** Claims in the viewer's scope, optionally of one institution and one year; newest year first. */
  list(institutionId?: string | null, year?: number | null): Promise<FeeSubsidyClaim[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    return new FeeSubsidyRepo(this.manager).list(this.scope, { institutionId: institutionId?.toLowerCase(), year });
  }

  /**
   * The institution claims a completed calendar year. Its guarantees started in the year are judged as they stand
   * now (R1's flag as stored at grant, reGuaranteed as it stands at submission), each by the conditions of the
   * parameter version that governs its start date; the rate is that of the version in force on 31 December. The
   * figures and the list of guarantees are frozen into the claim, as a monthly report's are.
   */
  async submit(institutionId: string, year: number): Promise<FeeSubsidyClaim> {
    if (!isUuid(institutionId) || !this.scope.actsFor(institutionId.toLowerCase())) throw new NotFoundError('Institution', institutionId);
    const institution = institutionId.toLowerCase();
    requireCompletedYear(year);
    return this.manager.transaction(async (tx) => {
      const repo = new FeeSubsidyRepo(tx);
      if (!(await repo.institutionExists(this.scope, institution))) throw new NotFoundError('Institution', institutionId);
      await requirePolicyYear(tx, year);
      const open = await new ClaimRepo(tx).openStatus(this.scope, 'fee_subsidy_claim', institution, year);
      if (open) throw new ConflictError(`A fee-subsidy claim for ${year} already exists (${open}); a new one may follow only a rejection`);

      const eligible = [];
      for (const g of await repo.candidates(this.scope, institution, year)) {
        const p = await this.policy.forBusinessOn(g.startOn);
        if (isFeeSubsidyEligible(g, { maxFeeRate: p.subsidyMaxFeeRate, requiresReGuarantee: p.feeSubsidyRequiresReGuarantee }))
          eligible.push(g);
      }
      const { feeSubsidyRate } = await this.policy.inForce(`${year}-12-31`, 'year');
      // The unique partial index uq_fee_subsidy_claim_open turns a concurrent second submission into CONFLICT.
      const id = await repo.insert(institution, year, feeSubsidyFigures(eligible, feeSubsidyRate), this.viewer?.sub);
      await repo.freeze(
        id,
        eligible.map((g) => g.id),
      );
      return (await repo.get(this.scope, id))!;
    });
  }

  /**
   * One department's decision on a SUBMITTED claim: a rejection ends it (REJECTED); an approval makes it APPROVED when
   * the other department has approved too (a claim still SUBMITTED whose other department decided was approved by it).
   * A department deciding twice, or a claim no longer SUBMITTED, is CONFLICT. The row lock serialises two decisions.
   */
  async decide(id: string, approve: boolean, text?: string | null): Promise<FeeSubsidyClaim> {
    const department = this.viewer ? DEPARTMENT[this.viewer.role] : undefined;
    if (!department) throw new ForbiddenError();
    if (!isUuid(id)) throw new NotFoundError('FeeSubsidyClaim', id);
    const { note: decisionNote } = parseInput(decisionSchema, { note: text });
    return this.manager.transaction(async (tx) => {
      const repo = new FeeSubsidyRepo(tx);
      const claim = await repo.get(this.scope, id.toLowerCase(), true);
      if (!claim) throw new NotFoundError('FeeSubsidyClaim', id);
      if (claim.status !== ClaimStatus.SUBMITTED)
        throw new ConflictError(`The claim is ${claim.status}; only a SUBMITTED claim is decided`);
      const [own, other] =
        department === 'industry' ? [claim.industryDecidedAt, claim.financeDecidedAt] : [claim.financeDecidedAt, claim.industryDecidedAt];
      if (own) throw new ConflictError(`${department === 'industry' ? 'INDUSTRY' : 'FINANCE'} has already decided this claim`);
      const status = !approve ? ClaimStatus.REJECTED : other ? ClaimStatus.APPROVED : ClaimStatus.SUBMITTED;
      await repo.decide(claim.id, department, status, decisionNote);
      return (await repo.get(this.scope, claim.id))!;
    });
  }

  /** 市财政局 records the payment of an approved claim (claim-payment.ts, shared with R7). */
  async markPaid(id: string, paidOn: string): Promise<FeeSubsidyClaim> {
    await markClaimPaid(this.manager, this.scope, 'fee_subsidy_claim', id, paidOn);
    return (await new FeeSubsidyRepo(this.manager).get(this.scope, id.toLowerCase()))!;
  }
}
