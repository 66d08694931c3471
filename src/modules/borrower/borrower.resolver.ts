import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskIdentifier } from '../../access/mask';
import type { Context } from '../../app/context';
import { Region } from '../region/region.entity';
import { Borrower } from './borrower.entity';
import type { BorrowerRecord } from './borrower.repo';
import type { BorrowerView } from './borrower.view';

@Resolver(() => Borrower)
export class BorrowerResolver {
  /**
   * Whatever path reaches a borrower must decide what of its identifier shows (borrowerAsSeenThrough);
   * a borrower object that did not is masked.
   */
  @FieldResolver(() => String, {
    description: '统一社会信用代码 or 公民身份号码; masked (3715**********1234) for viewers without the right to see it.',
  })
  identifier(@Root() b: Partial<BorrowerView> & { identifier: string }): string {
    return b.visibleIdentifier ?? maskIdentifier(b.identifier);
  }

  @FieldResolver(() => Region, { description: '所在区域' })
  async region(@Root() b: BorrowerRecord, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(b.regionId);
    if (!region) throw new Error(`region ${b.regionId} of borrower ${b.id} is missing`);
    return region;
  }
}
