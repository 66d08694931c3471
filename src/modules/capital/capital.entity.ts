import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { CapitalForm, CapitalSource } from './capital.types';

/** 资本金补充 (实施意见（六）, R10). */
@ObjectType({
  simpleResolvers: true,
  description: '资本金补充 (实施意见（六）动态资本金补充机制, R10): one injection of capital into an institution.',
})
@Entity({ name: 'capital_injection' })
export class CapitalInjection {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => DecimalScalar, { description: '补充金额 (yuan)' })
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Field(() => CapitalSource, { description: '出资来源: 政府、金融机构、企业、社会团体或个人' })
  @Column({ type: 'varchar', length: 24 })
  source: CapitalSource;

  @Field(() => CapitalForm, { description: '出资方式: 出资入股 or 无偿捐资' })
  @Column({ type: 'varchar', length: 16 })
  form: CapitalForm;

  @Column({ type: 'varchar', length: 16, nullable: true })
  basis: string | null;

  @Field(() => DateScalar, { description: '到位日期 (YYYY-MM-DD)' })
  @Column({ name: 'injected_on', type: 'date' })
  injectedOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
