import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../access/roles';
import type { Viewer } from '../../access/viewer';

/** 当前调用者: the verified claims of the caller's token, exactly the scope the hub applies to it. */
@ObjectType('Viewer', {
  simpleResolvers: true,
  description: '当前调用者: who is calling, as the bearer token says (../shared/DESIGN.md §3).',
})
export class ViewerType {
  @Field(() => ID, { description: "调用者标识 (the token's `sub`): a hub user id, or the caller in the system that minted the token." })
  id: string;

  @Field(() => Role, { description: '角色' })
  role: Role;

  @Field(() => ID, { nullable: true, description: '区域: narrows a government role to one county or zone.' })
  regionId: string | null;

  @Field(() => ID, { nullable: true, description: '担保机构 (GUARANTEE_INSTITUTION only).' })
  institutionId: string | null;

  @Field(() => ID, { nullable: true, description: '银行 (BANK only).' })
  bankId: string | null;

  static of(viewer: Viewer): ViewerType {
    return Object.assign(new ViewerType(), {
      id: viewer.sub,
      role: viewer.role,
      regionId: viewer.regionId,
      institutionId: viewer.institutionId,
      bankId: viewer.bankId,
    });
  }
}

@ObjectType({ simpleResolvers: true, description: '登录结果: a bearer token (JWT, HS256) and who it names.' })
export class AuthPayload {
  @Field(() => String, { description: '令牌: send as `Authorization: Bearer <token>`; expires after JWT_EXPIRES_IN.' })
  token: string;

  @Field(() => ViewerType, { description: '令牌所代表的调用者' })
  viewer: ViewerType;
}

@InputType({
  description:
    '新建用户 (ADMIN only). The scope ids a role needs: institutionId for GUARANTEE_INSTITUTION, bankId for BANK, regionId for LOCAL_GOVERNMENT (optional for other government roles).',
})
export class CreateUserInput {
  @Field(() => String, { description: '登录名: 3–64 letters, digits or . _ @ -' })
  username: string;

  @Field(() => String, { description: '密码: at least 12 characters; stored only as an argon2id hash.' })
  password: string;

  @Field(() => Role, { description: '角色' })
  role: Role;

  @Field(() => ID, { nullable: true, description: '区域' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: '担保机构' })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: '银行' })
  bankId?: string | null;
}
