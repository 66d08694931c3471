import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RegionKind {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  COUNTY_LEVEL_CITY = 'COUNTY_LEVEL_CITY',
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
}

registerEnumType(RegionKind, {
  name: 'RegionKind',
  description: '行政区划类别',
  valuesConfig: {
    CITY: { description: '设区的市 (聊城市)' },
    DISTRICT: { description: '市辖区' },
    COUNTY: { description: '县' },
    COUNTY_LEVEL_CITY: { description: '县级市' },
    DEVELOPMENT_ZONE: { description: '市属开发区 (管委会)' },
  },
});

@ObjectType({ simpleResolvers: true, description: '区域: the city, a county-level division or a municipal development zone.' })
@Entity({ name: 'region' })
export class Region {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'Administrative division code where one exists (371502 for 东昌府区).' })
  @Column({ type: 'varchar', length: 12, unique: true })
  code: string;

  @Field(() => String, { description: '名称' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => RegionKind, { description: '类别' })
  @Column({ type: 'varchar', length: 24 })
  kind: RegionKind;

  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
