import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../platform/scalars';

export enum InstitutionLevel {
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
}

registerEnumType(InstitutionLevel, {
  name: 'InstitutionLevel',
  description: '机构层级',
  valuesConfig: {
    MUNICIPAL: { description: '市级担保机构 (市级风险补偿 R7 applies; 市国资委 evaluates)' },
    COUNTY: { description: '县级担保机构 (the county finance bureau evaluates)' },
  },
});

/** 名单管理: reported to the provincial finance department and regulator, then admitted (实施意见（三）). */
export enum ListStatus {
  NOT_REPORTED = 'NOT_REPORTED',
  REPORTED = 'REPORTED',
  ADMITTED = 'ADMITTED',
}

registerEnumType(ListStatus, {
  name: 'ListStatus',
  description: '纳入名单管理状态 (实施意见（三）)',
  valuesConfig: {
    NOT_REPORTED: { description: '未上报' },
    REPORTED: { description: '已上报省财政厅和省地方金融监管局' },
    ADMITTED: { description: '已纳入名单范围统一管理' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: '政府性融资担保机构: a government-backed financing guarantee (or re-guarantee) institution.',
})
@Entity({ name: 'guarantee_institution' })
export class GuaranteeInstitution {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '机构名称' })
  @Column({ type: 'text', unique: true })
  name: string;

  @Field(() => String, { description: '统一社会信用代码 (GB 32100-2015)' })
  @Column({ name: 'credit_code', type: 'char', length: 18, unique: true })
  creditCode: string;

  @Field(() => InstitutionLevel, { description: '层级: 市级 or 县级' })
  @Column({ type: 'varchar', length: 16 })
  level: InstitutionLevel;

  @Index()
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Field(() => Boolean, { description: '是否再担保机构' })
  @Column({ name: 'is_re_guarantor', type: 'boolean', default: false })
  isReGuarantor: boolean;

  /** Member of the 聊城市财信投资控股集团, whose HOLDING_GROUP role reads its institutions' data. */
  @Column({ name: 'in_holding_group', type: 'boolean', default: false })
  inHoldingGroup: boolean;

  @Field(() => DecimalScalar, { description: '注册资本 (yuan)' })
  @Column({ name: 'registered_capital', type: 'numeric', precision: 18, scale: 2 })
  registeredCapital: string;

  @Field(() => DecimalScalar, { description: '实缴资本 (yuan)' })
  @Column({ name: 'paid_in_capital', type: 'numeric', precision: 18, scale: 2 })
  paidInCapital: string;

  @Field(() => DecimalScalar, { description: '净资产 (yuan), the denominator of 放大倍数 (R9)' })
  @Column({ name: 'net_assets', type: 'numeric', precision: 18, scale: 2 })
  netAssets: string;

  @Field(() => ListStatus, { description: '名单管理状态' })
  @Column({ name: 'list_status', type: 'varchar', length: 16, default: ListStatus.NOT_REPORTED })
  listStatus: ListStatus;

  @Field(() => DateScalar, { nullable: true, description: '上报省级日期: reported to the provincial finance department and regulator on.' })
  @Column({ name: 'reported_on', type: 'date', nullable: true })
  reportedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: '纳入名单日期: admitted to the managed list on.' })
  @Column({ name: 'admitted_on', type: 'date', nullable: true })
  admittedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Boolean, {
    description: 'Reported to the provincial finance department and regulator and admitted to the managed list (纳入名单管理).',
  })
  get onProvincialList(): boolean {
    return this.listStatus === ListStatus.ADMITTED;
  }
}
