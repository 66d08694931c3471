import { Field, ID, InputType, Int } from 'type-graphql';
import type { Dec } from '../../platform/lib/decimal';
import { DecimalScalar } from '../../platform/scalars';
import { EvaluationGrade } from './evaluation.entity';

@InputType({ description: '绩效考核结果 (实施意见（九）): the evaluator enters score and grade; the indicators are computed from data.' })
export class PerformanceEvaluationInput {
  @Field(() => ID, { description: '被考核机构编号' })
  institutionId: string;

  @Field(() => Int, { description: '考核年度 (not after the current year)' })
  year: number;

  @Field(() => DecimalScalar, { description: '考核得分 (0–100, at most 2 decimal places)' })
  score: Dec;

  @Field(() => EvaluationGrade, { description: '考核等级' })
  grade: EvaluationGrade;

  @Field(() => String, { nullable: true, description: '考核意见 (optional)' })
  comment?: string | null;
}
