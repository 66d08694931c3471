import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { PolicyTargets } from './policy.types';

@Resolver()
export class PolicyResolver {
  @Query(() => PolicyTargets, { description: '政策目标 in force today (Asia/Shanghai).' })
  policyTargets(@Ctx() ctx: Context): Promise<PolicyTargets> {
    return ctx.services.policy.targets();
  }
}
