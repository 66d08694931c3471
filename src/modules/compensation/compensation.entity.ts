import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';

@ObjectType({ simpleResolvers: true, description: "代偿: the institution paying the bank on the borrower's default." })
@Entity({ name: 'compensation' })
export class Compensation {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'guarantee_id', type: 'uuid' })
  guaranteeId: string;

  /** Copied from the guarantee for scoping and the yearly compensation rate (R7). */
  @Index()
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => DecimalScalar, { description: '代偿金额 (yuan)' })
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Field(() => DateScalar, { description: '代偿日' })
  @Index()
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  /** Sum of its recoveries, kept current with each one. */
  @Field(() => DecimalScalar, { description: '已追偿金额 (yuan)' })
  @Column({ name: 'recovered_amount', type: 'numeric', precision: 18, scale: 2, default: '0' })
  recoveredAmount: string;

  @Field(() => Boolean, { description: '涉嫌恶意逃废债 (opens a lead, R12)' })
  @Column({ name: 'suspected_malicious', type: 'boolean' })
  suspectedMalicious: boolean;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 追偿: money recovered from the borrower after a compensation. */
@Entity({ name: 'recovery' })
export class Recovery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'compensation_id', type: 'uuid' })
  compensationId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ name: 'recovered_on', type: 'date' })
  recoveredOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
