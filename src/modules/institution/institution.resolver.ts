import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Region } from '../region/region.entity';
import { GuaranteeInstitution } from './institution.entity';

@Resolver(() => GuaranteeInstitution)
export class InstitutionResolver {
  @Query(() => [GuaranteeInstitution], { description: '政府性融资担保机构 the viewer may see.' })
  institutions(@Ctx() ctx: Context): Promise<GuaranteeInstitution[]> {
    return ctx.services.institutions.list();
  }

  @Query(() => GuaranteeInstitution, { nullable: true, description: 'One institution; null when missing or outside the viewer\'s scope.' })
  institution(@Arg('id', () => ID, { description: '机构编号' }) id: string, @Ctx() ctx: Context): Promise<GuaranteeInstitution | null> {
    return ctx.services.institutions.find(id);
  }

  @FieldResolver(() => Region, { description: '所在区域' })
  async region(@Root() institution: GuaranteeInstitution, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(institution.regionId);
    if (!region) throw new Error(`region ${institution.regionId} of institution ${institution.id} is missing`);
    return region;
  }
}
