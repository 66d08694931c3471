import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { Bank } from './bank.entity';
import { BankInput } from './bank.inputs';

@Resolver(() => Bank)
export class BankResolver {
  @Query(() => [Bank], { description: '银行业金融机构 the viewer may see (a bank sees itself).' })
  banks(@Ctx() ctx: Context): Promise<Bank[]> {
    return ctx.services.banks.list();
  }

  @Mutation(() => Bank, { description: '登记银行业金融机构 (市地方金融监管局).' })
  createBank(@Arg('input', () => BankInput, { description: '银行信息' }) input: BankInput, @Ctx() ctx: Context): Promise<Bank> {
    return ctx.services.banks.create(input);
  }
}
