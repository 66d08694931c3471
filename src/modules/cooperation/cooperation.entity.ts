import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';

@ObjectType({
  simpleResolvers: true,
  description: '银担合作协议: a bank-guarantee cooperation and risk-sharing agreement (实施意见（四）（五）).',
})
@Entity({ name: 'cooperation_agreement' })
export class CooperationAgreement {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Index()
  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Field(() => DecimalScalar, {
    description: '银行分险比例: share of each loss the bank bears; at least 0.20 unless exceptionReason is given.',
  })
  @Column({ name: 'bank_risk_share', type: 'numeric', precision: 9, scale: 6 })
  bankRiskShare: string;

  @Field(() => DecimalScalar, { description: '授信额度 the bank grants the institution.' })
  @Column({ name: 'credit_line', type: 'numeric', precision: 18, scale: 2 })
  creditLine: string;

  /**
   * Sum of the guaranteed amounts of the agreement's ACTIVE guarantees (R6), kept current in the same
   * transaction as each grant (+), release and first compensation (−), with the agreement row locked.
   */
  @Field(() => DecimalScalar, { description: '已用额度: in-force guaranteed amount under this agreement.' })
  @Column({ name: 'used_credit', type: 'numeric', precision: 18, scale: 2, default: '0' })
  usedCredit: string;

  @Field(() => Boolean, { description: '“总对总”批量担保业务 (batch guarantee business).' })
  @Column({ name: 'batch_mode', type: 'boolean' })
  batchMode: boolean;

  @Field(() => Boolean, { description: '审批绿色通道' })
  @Column({ name: 'green_channel', type: 'boolean', default: false })
  greenChannel: boolean;

  @Field(() => String, { nullable: true, description: '例外说明: why the bank bears less than the policy minimum (“原则上”不低于20%).' })
  @Column({ name: 'exception_reason', type: 'text', nullable: true })
  exceptionReason: string | null;

  @Field(() => DateScalar, { description: '签订日期' })
  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Field(() => DateScalar, { nullable: true, description: '到期日期' })
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
