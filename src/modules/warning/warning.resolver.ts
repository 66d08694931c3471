import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../platform/scalars';
import { CooperationAgreement } from '../cooperation/cooperation.entity';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { SupervisionEntry, Warning, WarningLevel } from './warning.types';

async function institutionOf(ctx: Context, id: string): Promise<GuaranteeInstitution> {
  const institution = await ctx.loaders.institution.load(id);
  if (!institution) throw new Error(`institution ${id} of a warning is outside the reader's scope`);
  return institution;
}

@Resolver(() => Warning)
export class WarningResolver {
  @Query(() => [Warning], { description: '预警 (R17). Worst first; asOf defaults to today (Asia/Shanghai).' })
  warnings(
    @Arg('asOf', () => DateScalar, { nullable: true, description: '计算日期' }) asOf: string | null | undefined,
    @Arg('institutionId', () => ID, { nullable: true, description: '机构编号' }) institutionId: string | null | undefined,
    @Arg('minLevel', () => WarningLevel, { nullable: true, description: 'RED: red warnings only' })
    minLevel: WarningLevel | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Warning[]> {
    return ctx.services.warnings.warnings(asOf, institutionId, minLevel);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '机构' })
  institution(@Root() w: Warning, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    return institutionOf(ctx, w.institutionId);
  }

  @FieldResolver(() => CooperationAgreement, {
    nullable: true,
    description: 'The agreement, for CREDIT_LINE_USAGE and BANK_RISK_SHARE_EXCEPTION (null where the viewer may not read it).',
  })
  async agreement(@Root() w: Warning, @Ctx() ctx: Context): Promise<CooperationAgreement | null> {
    return w.agreementId ? ctx.loaders.agreement.load(w.agreementId) : null;
  }
}

@Resolver(() => SupervisionEntry)
export class SupervisionResolver {
  @Query(() => [SupervisionEntry], { description: '督导名单 (R18). month is YYYY-MM.' })
  supervisionList(@Arg('month', () => String, { description: 'YYYY-MM' }) month: string, @Ctx() ctx: Context): Promise<SupervisionEntry[]> {
    return ctx.services.warnings.supervisionList(month);
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '机构' })
  institution(@Root() e: SupervisionEntry, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    return institutionOf(ctx, e.institutionId);
  }
}
