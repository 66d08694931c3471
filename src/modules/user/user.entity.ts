import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../access/roles';

@ObjectType({ simpleResolvers: true, description: '用户: an account that logs in to the hub on behalf of a department.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID, { description: '编号: the hub id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: '登录名' })
  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** argon2id hash; never exposed, never logged. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Field(() => Role, { description: '角色' })
  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Field(() => ID, { nullable: true, description: '区域 (narrows a government role to one county or zone)' })
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Field(() => ID, { nullable: true, description: '担保机构 (GUARANTEE_INSTITUTION)' })
  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  @Field(() => ID, { nullable: true, description: '银行 (BANK)' })
  @Column({ name: 'bank_id', type: 'uuid', nullable: true })
  bankId: string | null;

  @Field(() => Boolean, { description: '是否启用' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Written into the tokens `login` mints; a password change, a reset and a deactivation add one, and a token
   * naming another version is refused (app/authenticate.ts). Never exposed.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
