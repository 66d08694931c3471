import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import type { DashboardFigures } from './dashboard.service';
import { Dashboard, DashboardFilter } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      "数据看板: 支小支农占比, 平均担保费率, 代偿率 by region, institution, bank and month against the policy targets, within the viewer's scope.",
  })
  dashboard(
    @Arg('filter', () => DashboardFilter, { nullable: true, description: '筛选: region, institution, bank, and a period of whole months.' })
    filter: DashboardFilter | null,
    @Ctx() ctx: Context,
  ): Promise<DashboardFigures> {
    return ctx.services.dashboard.dashboard(filter);
  }
}
