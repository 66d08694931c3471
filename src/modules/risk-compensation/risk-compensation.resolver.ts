import { DateScalar } from '../../platform/scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import type { Dec } from '../../platform/lib/decimal';
import { DecimalScalar } from '../../platform/scalars';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { RiskCompensationClaim } from './risk-compensation.entity';
import { frozenQuote } from './risk-compensation.service';
import { RiskCompensationQuote } from './risk-compensation.types';

/** 市级风险补偿 (实施意见（七）, R7). */
@Resolver(() => RiskCompensationClaim)
export class RiskCompensationResolver {
  @Query(() => RiskCompensationQuote, {
    description: "风险补偿测算: what the tiers in force today pay for a year's released and compensated amounts (nothing is stored).",
  })
  riskCompensationPreview(
    @Arg('releasedAmount', () => DecimalScalar, { description: '年度解保额 (yuan, ≥ 0, at most 2 places)' }) releasedAmount: Dec,
    @Arg('compensatedAmount', () => DecimalScalar, { description: '年度代偿额 (yuan, ≥ 0, at most 2 places)' }) compensatedAmount: Dec,
    @Ctx() ctx: Context,
  ): Promise<RiskCompensationQuote> {
    return ctx.services.riskCompensation.preview(releasedAmount, compensatedAmount);
  }

  @Query(() => [RiskCompensationClaim], { description: '风险补偿申请 the viewer may see, newest year first.' })
  riskCompensationClaims(
    @Arg('institutionId', () => ID, { nullable: true, description: "机构编号: only this institution's claims" })
    institutionId: string | null,
    @Arg('year', () => Int, { nullable: true, description: "补偿年度: only this year's claims" }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<RiskCompensationClaim[]> {
    return ctx.services.riskCompensation.list(institutionId, year);
  }

  @Mutation(() => RiskCompensationClaim, {
    description:
      '申请市级风险补偿: a MUNICIPAL institution claims a completed calendar year; the quote over its monthly aggregates is frozen into the claim.',
  })
  submitRiskCompensationClaim(
    @Arg('institutionId', () => ID, { description: "申请机构 (the caller's own institution)" }) institutionId: string,
    @Arg('year', () => Int, { description: '补偿年度: a year before the current one (Asia/Shanghai)' }) year: number,
    @Ctx() ctx: Context,
  ): Promise<RiskCompensationClaim> {
    return ctx.services.riskCompensation.submit(institutionId, year);
  }

  @Mutation(() => RiskCompensationClaim, {
    description: '审核风险补偿申请 (市财政局、市工业和信息化局): a SUBMITTED claim is approved or rejected, once.',
  })
  decideRiskCompensationClaim(
    @Arg('id', () => ID, { description: '申请编号' }) id: string,
    @Arg('approve', () => Boolean, { description: 'true 审核通过, false 审核不通过' }) approve: boolean,
    @Arg('note', () => String, { nullable: true, description: '审核意见' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<RiskCompensationClaim> {
    return ctx.services.riskCompensation.decide(id, approve, note);
  }

  @Mutation(() => RiskCompensationClaim, {
    description: '拨付风险补偿 (市财政局): an APPROVED claim becomes PAID on paidOn (not in the future, not before the approval).',
  })
  markRiskCompensationClaimPaid(
    @Arg('id', () => ID, { description: '申请编号' }) id: string,
    @Arg('paidOn', () => DateScalar, { description: '拨付日期' }) paidOn: string,
    @Ctx() ctx: Context,
  ): Promise<RiskCompensationClaim> {
    return ctx.services.riskCompensation.markPaid(id, paidOn);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '申请机构' })
  async institution(@Root() claim: RiskCompensationClaim, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const institution = await ctx.loaders.institution.load(claim.institutionId);
    if (!institution) throw new Error(`institution ${claim.institutionId} of claim ${claim.id} is out of the claim's scope`);
    return institution;
  }

  @FieldResolver(() => RiskCompensationQuote, { description: '补偿测算, as frozen at submission.' })
  quote(@Root() claim: RiskCompensationClaim): RiskCompensationQuote {
    return frozenQuote(claim);
  }
}
