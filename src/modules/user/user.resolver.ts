import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { User } from './user.entity';
import { AuthPayload, CreateUserInput, ViewerType } from './user.types';

@Resolver()
export class UserResolver {
  @Query(() => ViewerType, { description: '当前调用者: who the bearer token says is calling, and its scope.' })
  me(@Ctx() ctx: Context): ViewerType {
    // The shield lets only signed-in callers here.
    return ViewerType.of(ctx.viewer!);
  }

  @Mutation(() => AuthPayload, {
    description: "登录: a hub user's username and password for a bearer token. Wrong username or password: UNAUTHENTICATED.",
  })
  login(
    @Arg('username', () => String, { description: '登录名' }) username: string,
    @Arg('password', () => String, { description: '密码 (never logged)' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return ctx.services.users.login(username, password);
  }

  @Mutation(() => User, { description: '新建用户 (系统管理员): an account for a department, with the scope its role needs.' })
  createUser(
    @Arg('input', () => CreateUserInput, { description: '新用户: username, password, role and the scope id the role needs' })
    input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.users.create(input);
  }
}
