import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { PolicyParameterSetInput, PolicyParameterSetView } from './policy-version.types';
import { PolicyTargets } from './policy.types';

@Resolver()
export class PolicyResolver {
  @Query(() => PolicyTargets, { description: '政策目标 in force today (Asia/Shanghai).' })
  policyTargets(@Ctx() ctx: Context): Promise<PolicyTargets> {
    return ctx.services.policy.targets();
  }

  @Query(() => [PolicyParameterSetView], { description: '政策参数版本 (R14), oldest first.' })
  policyParameterSets(@Ctx() ctx: Context): Promise<PolicyParameterSetView[]> {
    return ctx.services.policyVersions.list();
  }

  @Mutation(() => PolicyParameterSetView, {
    description: '新增政策参数版本 (市财政局, R14): fields left out are copied from the version in force on effectiveFrom.',
  })
  addPolicyParameterSet(
    @Arg('input', () => PolicyParameterSetInput, { description: '新版本' }) input: PolicyParameterSetInput,
    @Ctx() ctx: Context,
  ): Promise<PolicyParameterSetView> {
    return ctx.services.policyVersions.add(input);
  }
}
