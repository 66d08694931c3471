import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';
import { Bank } from '../bank/bank.entity';
import { Borrower } from '../borrower/borrower.entity';
import { GuaranteeInstitution } from '../institution/institution.entity';

export enum GuaranteeKind {
  LOAN = 'LOAN',
  BOND = 'BOND',
  OTHER_FINANCING = 'OTHER_FINANCING',
}

registerEnumType(GuaranteeKind, {
  name: 'GuaranteeKind',
  description: '担保业务品种',
  valuesConfig: {
    LOAN: { description: '贷款担保' },
    BOND: { description: '债券发行担保 (never for government issuers, R2; never 支小支农, R1)' },
    OTHER_FINANCING: { description: '其他融资担保' },
  },
});

export enum GuaranteeStatus {
  ACTIVE = 'ACTIVE',
  RELEASED = 'RELEASED',
  COMPENSATED = 'COMPENSATED',
}

registerEnumType(GuaranteeStatus, {
  name: 'GuaranteeStatus',
  description: '担保责任状态',
  valuesConfig: {
    ACTIVE: { description: '在保' },
    RELEASED: { description: '解保 (repaid)' },
    COMPENSATED: { description: '已代偿' },
  },
});

@ObjectType({ simpleResolvers: true, description: '融资担保业务: one guarantee an institution gives a bank for a borrower.' })
// Partitioned by year of start_on (migration GuaranteePartitions): the primary key is (id, start_on), and the unique
// (institution_id, code) and the key other tables reference live in guarantee_key.
@Entity({ name: 'guarantee' })
// Keyset indexes of the `guarantees` page (newest start first), each also the index of its leading foreign key.
@Index('ix_guarantee_institution', ['institutionId', 'startOn', 'id'])
@Index('ix_guarantee_bank', ['bankId', 'startOn', 'id'])
@Index('ix_guarantee_region', ['regionId', 'startOn', 'id'])
@Index('ix_guarantee_start_on', ['startOn', 'id'])
export class Guarantee {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '业务编号: business number, unique within its institution.' })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  /** The 银担合作协议 the guarantee was written under, if any (R6 counts against its credit line). */
  @Index()
  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId: string | null;

  @Index()
  @Column({ name: 'borrower_id', type: 'uuid' })
  borrowerId: string;

  /** The borrower's region, copied at grant so that region scoping and dashboards need no join. */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Field(() => GuaranteeKind, { description: '品种' })
  @Column({ type: 'varchar', length: 16 })
  kind: GuaranteeKind;

  @Field(() => DecimalScalar, { description: '主债权金额 (yuan)' })
  @Column({ name: 'loan_amount', type: 'numeric', precision: 18, scale: 2 })
  loanAmount: string;

  @Field(() => DecimalScalar, { description: '担保金额 (yuan)' })
  @Column({ name: 'guaranteed_amount', type: 'numeric', precision: 18, scale: 2 })
  guaranteedAmount: string;

  @Field(() => DecimalScalar, { description: '年化担保费率: annualised fee rate as a fraction.' })
  @Column({ name: 'fee_rate', type: 'numeric', precision: 9, scale: 6 })
  feeRate: string;

  @Field(() => DecimalScalar, { description: '银行分险比例 under the agreement when granted.' })
  @Column({ name: 'bank_risk_share', type: 'numeric', precision: 9, scale: 6 })
  bankRiskShare: string;

  @Field(() => DateScalar, { description: '起始日' })
  @Column({ name: 'start_on', type: 'date' })
  startOn: string;

  @Field(() => DateScalar, { description: '到期日' })
  @Column({ name: 'end_on', type: 'date' })
  endOn: string;

  @Field(() => GuaranteeStatus, { description: '状态' })
  @Column({ type: 'varchar', length: 16, default: GuaranteeStatus.ACTIVE })
  status: GuaranteeStatus;

  @Field(() => DateScalar, { nullable: true, description: '解保日 or 代偿日' })
  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn: string | null;

  @Field(() => Boolean, {
    description:
      '支小支农: small/micro or 三农 borrower and in-force single-household amount at this institution at most 10,000,000 yuan when it was granted.',
  })
  @Column({ name: 'small_agri', type: 'boolean' })
  smallAgri: boolean;

  @Field(() => Boolean, {
    description:
      '纳入省再担保: covered by the provincial re-guarantee (聊财金〔2023〕14号), a condition of the R8 fee subsidy. Default false.',
  })
  @Column({ name: 're_guaranteed', type: 'boolean', default: false })
  reGuaranteed: boolean;

  /** Sum of its compensations, kept current with each one (R7, recordCompensation's cap). */
  @Column({ name: 'compensated_amount', type: 'numeric', precision: 18, scale: 2, default: '0' })
  compensatedAmount: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  // The relations are plain properties, not resolvers: every path that hands out a guarantee reads them with it
  // (GuaranteeView, page/guarantee.joined.ts), so graphql-jit reads them inline — a 100-row page makes no
  // 300 resolver calls. Not columns: TypeORM ignores them.
  @Field(() => GuaranteeInstitution, { description: '担保机构' })
  institution?: GuaranteeInstitution | null;

  @Field(() => Bank, { description: '贷款银行' })
  bank?: Bank | null;

  @Field(() => Borrower, { description: '被担保人' })
  borrower?: Borrower | null;
}

/**
 * One row per guarantee, written in the same statement (GrantRepo.insert): what the partitioned guarantee table
 * cannot hold — a unique (institution_id, code) and a single-column key for compensation and
 * fee_subsidy_claim_guarantee to reference. guarantee (id, institution_id, code) references it.
 */
@Entity({ name: 'guarantee_key' })
@Unique('uq_guarantee_institution_code', ['institutionId', 'code'])
export class GuaranteeKey {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;
}
