import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IdentifierKind } from '../../platform/lib/identifiers';

export enum BorrowerKind {
  SMALL_ENTERPRISE = 'SMALL_ENTERPRISE',
  MICRO_ENTERPRISE = 'MICRO_ENTERPRISE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
  FARMER = 'FARMER',
  FAMILY_FARM = 'FAMILY_FARM',
  FARMER_COOPERATIVE = 'FARMER_COOPERATIVE',
  AGRICULTURAL_ENTERPRISE = 'AGRICULTURAL_ENTERPRISE',
  OTHER_ENTERPRISE = 'OTHER_ENTERPRISE',
  GOVERNMENT_PLATFORM = 'GOVERNMENT_PLATFORM',
}

registerEnumType(BorrowerKind, {
  name: 'BorrowerKind',
  description: '被担保人类别',
  valuesConfig: {
    SMALL_ENTERPRISE: { description: '小型企业 (支小)' },
    MICRO_ENTERPRISE: { description: '微型企业 (支小)' },
    INDIVIDUAL_BUSINESS: { description: '个体工商户 (支小)' },
    FARMER: { description: '农户 (支农)' },
    FAMILY_FARM: { description: '家庭农场 (支农)' },
    FARMER_COOPERATIVE: { description: '农民专业合作社 (支农)' },
    AGRICULTURAL_ENTERPRISE: { description: '涉农企业 (支农)' },
    OTHER_ENTERPRISE: { description: '其他企业' },
    GOVERNMENT_PLATFORM: { description: '政府平台公司: no guarantee may be given (实施意见（一）, R2)' },
  },
});

/** Whether an identifier is a unified social credit code or a resident ID number (decided by its form). */
export { IdentifierKind };

/**
 * A borrower as ONE institution declared it (../shared/DESIGN.md §6 "Ownership"): a row per (institution, identifier),
 * so no institution's write changes what another's guarantees show, and an id is never shared by two
 * institutions. The normalised identifier is the identity key shared across institutions: R1 counts a
 * household per institution (its row), the city groups one borrower across institutions by identifier.
 */
@ObjectType({
  simpleResolvers: true,
  description: '被担保人: a borrower whose financing an institution guarantees, as that institution declared it.',
})
@Entity({ name: 'borrower' })
@Unique('uq_borrower_institution_identifier', ['institutionId', 'identifier'])
@Unique('uq_borrower_institution_id', ['institutionId', 'id'])
export class Borrower {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The institution whose declaration this is; not a field (the guarantee leads to its institution). */
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => String, { description: '名称 or 姓名' })
  @Column({ type: 'text' })
  name: string;

  /**
   * Read as a plain property, for speed on the hot page: so the only object GraphQL ever meets as a Borrower is a
   * BorrowerView (borrower.view.ts), whose identifier is already what this viewer may see. Guarantee.borrower is
   * the only field of type Borrower (test/unit/borrower-reach.test.ts keeps it so).
   */
  @Field(() => String, {
    description: '统一社会信用代码 or 公民身份号码; masked (3715**********1234) for viewers without the right to see it.',
  })
  @Index('ix_borrower_identifier')
  @Column({ type: 'varchar', length: 18 })
  identifier: string;

  @Column({ name: 'identifier_kind', type: 'varchar', length: 16 })
  identifierKind: IdentifierKind;

  @Field(() => BorrowerKind, { description: '类别 (decides 支小支农, R1)' })
  @Column({ type: 'varchar', length: 32 })
  kind: BorrowerKind;

  @Index()
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
