import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../access/roles';
import { DecimalScalar } from '../../platform/scalars';

/** 考核等级, entered by the evaluator (实施意见（九）). */
export enum EvaluationGrade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}

registerEnumType(EvaluationGrade, {
  name: 'EvaluationGrade',
  description: '绩效考核等级 (实施意见（九）)',
  valuesConfig: {
    EXCELLENT: { description: '优秀' },
    GOOD: { description: '良好' },
    PASS: { description: '合格' },
    FAIL: { description: '不合格' },
  },
});

/** 绩效考核 (实施意见（九）, R11): indicators computed from data, score and grade entered by the evaluator. */
@ObjectType({ simpleResolvers: true, description: '绩效考核 of one institution for one year.' })
@Entity({ name: 'performance_evaluation' })
@Unique('uq_evaluation_institution_year', ['institutionId', 'year'])
export class PerformanceEvaluation {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => Int, { description: '考核年度' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "支小支农担保业务占比 (R3, by amount of the year's new business; null without new business)",
  })
  @Column({ name: 'small_agri_share', type: 'numeric', precision: 9, scale: 6, nullable: true })
  smallAgriShare: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "平均担保费率 (R4, amount-weighted, of the year's new business; null without new business)",
  })
  @Column({ name: 'average_fee_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  averageFeeRate: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '代偿率 (R7: compensations paid ÷ guarantees released in the year; null when nothing was released)',
  })
  @Column({ name: 'compensation_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  compensationRate: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '放大倍数 (R9: weighted 融资担保责任余额 at year end ÷ net assets; null when net assets ≤ 0)',
  })
  @Column({ type: 'numeric', precision: 12, scale: 6, nullable: true })
  leverage: string | null;

  @Field(() => DecimalScalar, { description: '考核得分 (0–100)' })
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Field(() => EvaluationGrade, { description: '考核等级' })
  @Column({ type: 'varchar', length: 16 })
  grade: EvaluationGrade;

  @Field(() => Role, { description: '考核部门: 市国资委 (SASAC) for 市级, the county 财政部门 (FINANCE) for 县级 institutions' })
  @Column({ name: 'evaluator_role', type: 'varchar', length: 32 })
  evaluatorRole: Role;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
