import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum BankKind {
  POLICY = 'POLICY',
  LARGE_STATE_OWNED = 'LARGE_STATE_OWNED',
  JOINT_STOCK = 'JOINT_STOCK',
  CITY_COMMERCIAL = 'CITY_COMMERCIAL',
  RURAL_COMMERCIAL = 'RURAL_COMMERCIAL',
  VILLAGE = 'VILLAGE',
  OTHER = 'OTHER',
}

registerEnumType(BankKind, {
  name: 'BankKind',
  description: '银行业金融机构类别',
  valuesConfig: {
    POLICY: { description: '政策性银行' },
    LARGE_STATE_OWNED: { description: '大型国有商业银行' },
    JOINT_STOCK: { description: '股份制商业银行' },
    CITY_COMMERCIAL: { description: '城市商业银行' },
    RURAL_COMMERCIAL: { description: '农村商业银行' },
    VILLAGE: { description: '村镇银行' },
    OTHER: { description: '其他' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: '银行业金融机构: a bank (branch) that cooperates with guarantee institutions (银担合作).',
})
@Entity({ name: 'bank' })
export class Bank {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '名称' })
  @Column({ type: 'text', unique: true })
  name: string;

  @Field(() => BankKind, { description: '类别' })
  @Column({ type: 'varchar', length: 24 })
  kind: BankKind;

  @Index()
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
