import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** 绩效考核 (实施意见（九）, R11): indicators computed from data, score and grade entered by the evaluator. */
@Entity({ name: 'performance_evaluation' })
@Unique('uq_evaluation_institution_year', ['institutionId', 'year'])
export class PerformanceEvaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'small_agri_share', type: 'numeric', precision: 9, scale: 6, nullable: true })
  smallAgriShare: string | null;

  @Column({ name: 'average_fee_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  averageFeeRate: string | null;

  @Column({ name: 'compensation_rate', type: 'numeric', precision: 9, scale: 6, nullable: true })
  compensationRate: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 6, nullable: true })
  leverage: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Column({ type: 'varchar', length: 16 })
  grade: string;

  @Column({ name: 'evaluator_role', type: 'varchar', length: 32 })
  evaluatorRole: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
