import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { CapitalInjectionInput } from './capital.types';
import { CapitalInjection } from './capital.entity';

@Resolver(() => CapitalInjection)
export class CapitalResolver {
  @Query(() => [CapitalInjection], {
    description: '资本金补充 (实施意见（六）, R10) the viewer may see, newest first; optionally of one institution.',
  })
  capitalInjections(
    @Arg('institutionId', () => ID, { nullable: true, description: "机构编号: only this institution's injections" })
    institutionId: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<CapitalInjection[]> {
    return ctx.services.capital.list(institutionId);
  }

  @Mutation(() => CapitalInjection, {
    description:
      '登记资本金补充 (实施意见（六）动态资本金补充机制): 市财政局, a county finance bureau or county government for its region. 出资入股 raises paid-in capital and net assets; 无偿捐资 net assets.',
  })
  recordCapitalInjection(
    @Arg('input', () => CapitalInjectionInput, { description: '资本金补充信息' }) input: CapitalInjectionInput,
    @Ctx() ctx: Context,
  ): Promise<CapitalInjection> {
    return ctx.services.capital.record(input);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '被补充机构' })
  async institution(@Root() injection: CapitalInjection, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const institution = await ctx.loaders.institution.load(injection.institutionId);
    if (!institution)
      throw new Error(`institution ${injection.institutionId} of capital injection ${injection.id} is outside the reader's scope`);
    return institution;
  }
}
