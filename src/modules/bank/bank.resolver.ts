import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Bank } from './bank.entity';

@Resolver(() => Bank)
export class BankResolver {
  @Query(() => [Bank], { description: '银行业金融机构 the viewer may see (a bank sees itself).' })
  banks(@Ctx() ctx: Context): Promise<Bank[]> {
    return ctx.services.reference.banks();
  }
}
