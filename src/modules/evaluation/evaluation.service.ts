import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import type { Scope } from '../../access/scope';
import { SystemScope } from '../../access/system-scope';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { note } from '../../platform/validation/schemas';
import { z } from 'zod';
import type { PolicyService } from '../policy/policy.service';
import { averageFeeRate, compensationRate, smallAgriShare } from '../indicators/indicators.calc';
import { leverage, scoreProblem } from './evaluation.calc';
import { PerformanceEvaluation } from './evaluation.entity';
import type { PerformanceEvaluationInput } from './evaluation.inputs';
import { EvaluationRepo } from './evaluation.repo';

/**
 * 实施意见（九）: 市国资委 guides the evaluation of 市级 institutions, 各县（市、区）财政部门 evaluate their own
 * level's. The evaluator for each level; a county-narrowed finance bureau reaches only its county's
 * institutions through its scope.
 */
const EVALUATOR_OF_LEVEL: Readonly<Record<string, Role>> = { MUNICIPAL: Role.SASAC, COUNTY: Role.FINANCE };

export class EvaluationService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  list(institutionId?: string | null, year?: number | null): Promise<PerformanceEvaluation[]> {
    if (institutionId != null && !isUuid(institutionId)) return Promise.resolve([]);
    return new EvaluationRepo(this.manager).list(this.scope, { institutionId, year });
  }

  /** Records the year's evaluation with its indicators computed from the hub's data (R11). */
  async record(input: PerformanceEvaluationInput): Promise<PerformanceEvaluation> {
    const currentYear = Number(businessToday().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear) {
      throw new BadInputError('year', `year must be from 2000 to the current year ${currentYear}`);
    }
    const problem = scoreProblem(input.score);
    if (problem) throw new BadInputError('score', problem);
    const { comment } = parseInput(z.object({ comment: note(2000) }), input);
    const role = this.scope.viewer?.role;
    if (!isUuid(input.institutionId)) throw new NotFoundError('Institution', input.institutionId);

    return this.manager.transaction(async (tx) => {
      const repo = new EvaluationRepo(tx);
      const institution = await repo.institution(this.scope, input.institutionId);
      if (!institution) throw new NotFoundError('Institution', input.institutionId);
      if (EVALUATOR_OF_LEVEL[institution.level] !== role) {
        // FORBIDDEN naming its rule: the role may evaluate, but not this level (the shield's refusals name none).
        throw new ForbiddenError(
          `A ${institution.level} institution is evaluated by ${EVALUATOR_OF_LEVEL[institution.level]} (实施意见（九）)`,
          'R11',
        );
      }
      const existing = await repo.exists(this.scope, input.institutionId, input.year);
      if (existing) throw new ConflictError(`The institution's evaluation for ${input.year} is already recorded`);

      const yearEnd = `${input.year}-12-31`;
      const p = await this.policy.inForce(yearEnd, 'year');
      // The indicators are figures about the institution the evaluator reaches (checked above), computed from
      // rows the evaluator need not read itself (SASAC reads no guarantees): no row leaves, only the figures.
      const figures = SystemScope.because("R11 indicators of an institution in the evaluator's scope");
      const flows = await repo.yearFlows(figures, input.institutionId, input.year);
      const households = await repo.inForceBalances(figures, input.institutionId, yearEnd);
      const weights = {
        smallLoanAmount: p.leverageSmallLoanAmount,
        farmerLoanAmount: p.leverageFarmerLoanAmount,
        smallWeight: p.leverageSmallWeight,
      };

      const id = await repo.insert({
        institutionId: input.institutionId,
        year: input.year,
        smallAgriShare: smallAgriShare(flows.smallAgriAmount, flows.newAmount),
        averageFeeRate: averageFeeRate(flows.feeWeightedAmount, flows.newAmount),
        compensationRate: compensationRate(flows.compensatedAmount, flows.releasedAmount),
        // R9 against the institution's net assets as the hub holds them now (no year-end balance sheet is kept).
        leverage: leverage(households, institution.net_assets, weights),
        score: input.score.toFixed(2),
        grade: input.grade,
        evaluatorRole: role,
        comment,
      });
      return (await repo.get(this.scope, id))!;
    });
  }
}
