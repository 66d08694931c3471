import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { PerformanceEvaluation } from './evaluation.entity';
import { PerformanceEvaluationInput } from './evaluation.inputs';

@Resolver(() => PerformanceEvaluation)
export class EvaluationResolver {
  @Query(() => [PerformanceEvaluation], {
    description: '绩效考核 (实施意见（九）, R11) the viewer may see; optionally of one institution and/or year.',
  })
  performanceEvaluations(
    @Arg('institutionId', () => ID, { nullable: true, description: "机构编号: only this institution's evaluations" })
    institutionId: string | null | undefined,
    @Arg('year', () => Int, { nullable: true, description: '考核年度' }) year: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PerformanceEvaluation[]> {
    return ctx.services.evaluations.list(institutionId, year);
  }

  @Mutation(() => PerformanceEvaluation, {
    description:
      '登记绩效考核结果 (实施意见（九）): 市国资委 for 市级, the (county) 财政部门 for 县级 institutions; one per institution and year. Indicators (R3, R4, R7, R9) are computed from data.',
  })
  recordPerformanceEvaluation(
    @Arg('input', () => PerformanceEvaluationInput, { description: '考核结果' }) input: PerformanceEvaluationInput,
    @Ctx() ctx: Context,
  ): Promise<PerformanceEvaluation> {
    return ctx.services.evaluations.record(input);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '被考核机构' })
  async institution(@Root() evaluation: PerformanceEvaluation, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const institution = await ctx.loaders.institution.load(evaluation.institutionId);
    if (!institution)
      throw new Error(`institution ${evaluation.institutionId} of evaluation ${evaluation.id} is outside the reader's scope`);
    return institution;
  }
}
