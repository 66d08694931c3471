import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { Region } from './region.entity';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: '区域: the city, its counties and districts, and the municipal development zones.' })
  regions(@Ctx() ctx: Context): Promise<Region[]> {
    return ctx.services.regions.list();
  }
}
