import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../platform/scalars';
import { Guarantee } from '../guarantee/guarantee.entity';
import type { GuaranteeView } from '../guarantee/page/guarantee.joined';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { FeeSubsidyClaim } from './fee-subsidy.entity';

/** 担保费补贴 (实施意见（八）, R8). */
@Resolver(() => FeeSubsidyClaim)
export class FeeSubsidyResolver {
  @Query(() => [FeeSubsidyClaim], { description: '担保费补贴申请 the viewer may see, newest year first.' })
  feeSubsidyClaims(
    @Arg('institutionId', () => ID, { nullable: true, description: "机构编号: only this institution's claims" })
    institutionId: string | null,
    @Arg('year', () => Int, { nullable: true, description: "补贴年度: only this year's claims" }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<FeeSubsidyClaim[]> {
    return ctx.services.feeSubsidy.list(institutionId, year);
  }

  @Mutation(() => FeeSubsidyClaim, {
    description:
      '申请担保费补贴: the institution claims a completed calendar year; its eligible guarantees, their total and the subsidy are frozen into the claim.',
  })
  submitFeeSubsidyClaim(
    @Arg('institutionId', () => ID, { description: "申请机构 (the caller's own institution)" }) institutionId: string,
    @Arg('year', () => Int, { description: '补贴年度: a year before the current one (Asia/Shanghai), not before the policy' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<FeeSubsidyClaim> {
    return ctx.services.feeSubsidy.submit(institutionId, year);
  }

  @Mutation(() => FeeSubsidyClaim, {
    description:
      '审核担保费补贴申请 (市工业和信息化局、市财政局, each once): APPROVED when both approve, in either order; REJECTED when either rejects.',
  })
  decideFeeSubsidyClaim(
    @Arg('id', () => ID, { description: '申请编号' }) id: string,
    @Arg('approve', () => Boolean, { description: 'true 审核通过, false 审核不通过' }) approve: boolean,
    @Arg('note', () => String, { nullable: true, description: '审核意见' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<FeeSubsidyClaim> {
    return ctx.services.feeSubsidy.decide(id, approve, note);
  }

  @Mutation(() => FeeSubsidyClaim, {
    description: '拨付担保费补贴 (市财政局): an APPROVED claim becomes PAID on paidOn (not in the future, not before the approval).',
  })
  markFeeSubsidyClaimPaid(
    @Arg('id', () => ID, { description: '申请编号' }) id: string,
    @Arg('paidOn', () => DateScalar, { description: '拨付日期' }) paidOn: string,
    @Ctx() ctx: Context,
  ): Promise<FeeSubsidyClaim> {
    return ctx.services.feeSubsidy.markPaid(id, paidOn);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '申请机构' })
  async institution(@Root() claim: FeeSubsidyClaim, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const institution = await ctx.loaders.institution.load(claim.institutionId);
    if (!institution) throw new Error(`institution ${claim.institutionId} of claim ${claim.id} is out of the claim's scope`);
    return institution;
  }

  @FieldResolver(() => [Guarantee], {
    description:
      '符合条件的担保业务: the guarantees the claim counted, as they qualified at submission, oldest start first (those the viewer may read).',
  })
  eligibleGuarantees(@Root() claim: FeeSubsidyClaim, @Ctx() ctx: Context): Promise<GuaranteeView[]> {
    return ctx.loaders.feeSubsidyEligible.load(claim.id);
  }
}
