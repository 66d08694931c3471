import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { Region } from '../region/region.entity';
import { Borrower } from './borrower.entity';
import type { BorrowerRecord } from './borrower.repo';

/** Borrower.identifier is a plain property, decided for the viewer before GraphQL meets it (borrower.view.ts). */
@Resolver(() => Borrower)
export class BorrowerResolver {
  @FieldResolver(() => Region, { description: '所在区域' })
  async region(@Root() b: BorrowerRecord, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(b.regionId);
    if (!region) throw new Error(`region ${b.regionId} of borrower ${b.id} is missing`);
    return region;
  }
}
