import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
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

  @Query(() => [User], { description: '用户列表 (系统管理员): every hub account, by username; never a password or its hash.' })
  users(@Ctx() ctx: Context): Promise<User[]> {
    return ctx.services.users.list();
  }

  @Mutation(() => AuthPayload, {
    description: "登录: a hub user's username and password for a bearer token. Wrong username or password: UNAUTHENTICATED.",
  })
  login(
    @Arg('username', () => String, { description: '登录名' }) username: string,
    @Arg('password', () => String, { description: '密码 (never logged)' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return ctx.services.accounts.login(username, password);
  }

  @Mutation(() => User, { description: '新建用户 (系统管理员): an account for a department, with the scope its role needs.' })
  createUser(
    @Arg('input', () => CreateUserInput, { description: '新用户: username, password, role and the scope id the role needs' })
    input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.users.create(input);
  }

  @Mutation(() => User, {
    description:
      '停用/启用用户 (系统管理员). A deactivated user cannot log in and its tokens are refused from the next request; after a reactivation it logs in again. An administrator may not deactivate itself: CONFLICT.',
  })
  setUserActive(
    @Arg('id', () => ID, { description: '用户编号' }) id: string,
    @Arg('active', () => Boolean, { description: 'false deactivates, true reactivates' }) active: boolean,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.users.setActive(id, active);
  }

  @Mutation(() => User, {
    description: '重置密码 (系统管理员): every token issued to the user before it stops working. Password rules as for createUser.',
  })
  resetPassword(
    @Arg('id', () => ID, { description: '用户编号' }) id: string,
    @Arg('newPassword', () => String, { description: '新密码: at least 12 characters, not containing the username (never logged)' })
    newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return ctx.services.users.resetPassword(id, newPassword);
  }

  @Mutation(() => Boolean, {
    description:
      "修改密码: the signed-in hub user's own. Every token issued before it, this one included, stops working: log in again. A wrong current password is BAD_USER_INPUT on currentPassword and counts as a failed login.",
  })
  changePassword(
    @Arg('currentPassword', () => String, { description: '当前密码 (never logged)' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: '新密码: at least 12 characters, not containing the username (never logged)' })
    newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.services.accounts.changePassword(currentPassword, newPassword);
  }
}
