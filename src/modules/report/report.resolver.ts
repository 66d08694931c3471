import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { MonthlyReport, ReportNotification } from './report.entity';

@Resolver(() => MonthlyReport)
export class ReportResolver {
  @Query(() => [MonthlyReport], {
    description: '月报 the viewer may see (a bank: those of its partner institutions), every version; newest month first.',
  })
  monthlyReports(
    @Arg('institutionId', () => ID, { nullable: true, description: '担保机构 (none: every institution in scope)' })
    institutionId: string | null,
    @Arg('month', () => String, { nullable: true, description: '报告月份 YYYY-MM (none: every month)' }) month: string | null,
    @Ctx() ctx: Context,
  ): Promise<MonthlyReport[]> {
    return ctx.services.reports.list(institutionId ?? null, month ?? null);
  }

  @Query(() => [ReportNotification], {
    description: '月报通报 addressed to the calling bank (实施意见（十二）: 向各银行业金融机构通报), newest first. Beyond the contract.',
  })
  reportNotifications(
    @Arg('month', () => String, { nullable: true, description: '报告月份 YYYY-MM (none: every month)' }) month: string | null,
    @Ctx() ctx: Context,
  ): Promise<ReportNotification[]> {
    return ctx.services.reports.notifications(month ?? null);
  }

  @Mutation(() => MonthlyReport, {
    description:
      '按月报备 (实施意见（十二）): the institution submits a month, not in the future; figures are computed and frozen, a resubmission is a new version, and every partner bank is notified.',
  })
  submitMonthlyReport(
    @Arg('institutionId', () => ID, { description: "担保机构 (the caller's own)" }) institutionId: string,
    @Arg('month', () => String, { description: '报告月份 YYYY-MM' }) month: string,
    @Ctx() ctx: Context,
  ): Promise<MonthlyReport> {
    return ctx.services.reports.submit(institutionId, month, ctx.viewer?.sub ?? '');
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '报备机构' })
  async institution(@Root() report: MonthlyReport, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const found = await ctx.loaders.institution.load(report.institutionId);
    if (!found) throw new Error(`institution ${report.institutionId} of report ${report.id} is outside the viewer's scope`);
    return found;
  }
}
