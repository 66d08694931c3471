import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../platform/scalars';
import { Region } from '../region/region.entity';
import { GuaranteeInstitution, ListStatus } from './institution.entity';
import { InstitutionInput } from './institution.inputs';

@Resolver(() => GuaranteeInstitution)
export class InstitutionResolver {
  @Query(() => [GuaranteeInstitution], { description: '政府性融资担保机构 the viewer may see.' })
  institutions(@Ctx() ctx: Context): Promise<GuaranteeInstitution[]> {
    return ctx.services.institutions.list();
  }

  @Query(() => GuaranteeInstitution, { nullable: true, description: "One institution; null when missing or outside the viewer's scope." })
  institution(@Arg('id', () => ID, { description: '机构编号' }) id: string, @Ctx() ctx: Context): Promise<GuaranteeInstitution | null> {
    return ctx.services.institutions.find(id);
  }

  @Mutation(() => GuaranteeInstitution, { description: '登记政府性融资担保机构 (市财政局; a county finance bureau for its county).' })
  createInstitution(
    @Arg('input', () => InstitutionInput, { description: '机构信息' }) input: InstitutionInput,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeInstitution> {
    return ctx.services.institutions.create(input);
  }

  @Mutation(() => GuaranteeInstitution, {
    description:
      '名单管理 (实施意见（三）): the financial regulator records the report to the province, then the admission. Forward only, one step at a time.',
  })
  updateInstitutionListStatus(
    @Arg('id', () => ID, { description: '机构编号' }) id: string,
    @Arg('status', () => ListStatus, { description: 'The next status: REPORTED after NOT_REPORTED, ADMITTED after REPORTED.' })
    status: ListStatus,
    @Arg('on', () => DateScalar, { description: '上报 or 纳入 date; not in the future.' }) on: string,
    @Ctx() ctx: Context,
  ): Promise<GuaranteeInstitution> {
    return ctx.services.institutions.updateListStatus(id, status, on);
  }

  @FieldResolver(() => Region, { description: '所在区域' })
  async region(@Root() institution: GuaranteeInstitution, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(institution.regionId);
    if (!region) throw new Error(`region ${institution.regionId} of institution ${institution.id} is missing`);
    return region;
  }
}
