import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { Bank } from '../bank/bank.entity';
import { BankScorecard } from './scorecard.types';

@Resolver(() => BankScorecard)
export class ScorecardResolver {
  @Query(() => [BankScorecard], { description: '银担合作考核 (R19): one scorecard per bank the viewer may see, largest new amount first.' })
  bankScorecards(@Arg('year', () => Int, { description: '年度' }) year: number, @Ctx() ctx: Context): Promise<BankScorecard[]> {
    return ctx.services.scorecards.bankScorecards(year);
  }

  @FieldResolver(() => Bank, { description: '银行' })
  async bank(@Root() card: BankScorecard, @Ctx() ctx: Context): Promise<Bank> {
    const bank = await ctx.loaders.bank.load(card.bankId);
    if (!bank) throw new Error(`bank ${card.bankId} of a scorecard is outside the reader's scope`);
    return bank;
  }
}
