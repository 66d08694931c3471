import type { EntityManager } from 'typeorm';
import { Role } from '../../access/roles';
import type { Scope } from '../../access/scope';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { businessToday } from '../../platform/lib/dates';
import { isUuid } from '../../platform/lib/ids';
import { parseInput } from '../../platform/validation/parse';
import { note } from '../../platform/validation/schemas';
import { z } from 'zod';
import type { PolicyService } from '../policy/policy.service';
import { averageFeeRate, compensationRate, leverage, scoreProblem, smallAgriShare } from './evaluation.calc';
import { PerformanceEvaluation } from './evaluation.entity';
import type { PerformanceEvaluationInput } from './evaluation.inputs';
import { inForceBalances, yearFlows } from './evaluation.sql';

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
    const scoped = this.scope.evaluations('e');
    const query = this.manager.createQueryBuilder(PerformanceEvaluation, 'e').where(scoped.sql, scoped.params);
    if (institutionId != null) query.andWhere('e.institution_id = :institutionId', { institutionId });
    if (year != null) query.andWhere('e.year = :year', { year });
    return query.orderBy('e.year', 'DESC').addOrderBy('e.institution_id').getMany();
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
      const scoped = this.scope.institutions('i');
      const [institution] = await tx
        .createQueryBuilder()
        .select(['i.level AS level', 'i.net_assets AS net_assets'])
        .from('guarantee_institution', 'i')
        .where('i.id = :id', { id: input.institutionId })
        .andWhere(scoped.sql, scoped.params)
        .getRawMany<{ level: string; net_assets: string }>();
      if (!institution) throw new NotFoundError('Institution', input.institutionId);
      if (EVALUATOR_OF_LEVEL[institution.level] !== role) {
        // FORBIDDEN naming its rule: the role may evaluate, but not this level (the shield's refusals name none).
        throw new ForbiddenError(
          `A ${institution.level} institution is evaluated by ${EVALUATOR_OF_LEVEL[institution.level]} (实施意见（九）)`,
          'R11',
        );
      }
      const [existing] = await tx.query(`SELECT 1 FROM performance_evaluation WHERE institution_id = $1 AND year = $2`, [
        input.institutionId,
        input.year,
      ]);
      if (existing) throw new ConflictError(`The institution's evaluation for ${input.year} is already recorded`);

      const yearEnd = `${input.year}-12-31`;
      const p = await this.policy.inForce(yearEnd);
      const flows = await yearFlows(tx, input.institutionId, input.year);
      const households = await inForceBalances(tx, input.institutionId, yearEnd);
      const weights = {
        smallLoanAmount: p.leverageSmallLoanAmount,
        farmerLoanAmount: p.leverageFarmerLoanAmount,
        smallWeight: p.leverageSmallWeight,
        bondWeight: p.leverageBondWeight,
      };

      const [{ id }] = await tx.query(
        `INSERT INTO performance_evaluation (institution_id, year, small_agri_share, average_fee_rate, compensation_rate, leverage, score, grade, evaluator_role, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          input.institutionId,
          input.year,
          smallAgriShare(flows.smallAgriAmount, flows.newAmount),
          averageFeeRate(flows.feeWeightedAmount, flows.newAmount),
          compensationRate(flows.compensatedAmount, flows.releasedAmount),
          // R9 against the institution's net assets as the hub holds them now (no year-end balance sheet is kept).
          leverage(households, institution.net_assets, weights),
          input.score.toFixed(2),
          input.grade,
          role,
          comment,
        ],
      );
      return tx.findOneByOrFail(PerformanceEvaluation, { id });
    });
  }
}
