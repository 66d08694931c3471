import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { maskIdentifiersIn } from '../../access/mask';
import { businessToday } from '../../platform/lib/dates';
import { DateScalar } from '../../platform/scalars';
import { GuaranteeInstitution } from '../institution/institution.entity';
import { Inspection, InspectionStatus, TaskForceMeeting } from './oversight.entity';
import { InspectionInput, TaskForceMeetingInput } from './oversight.inputs';

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => [Inspection], { description: '现场检查 / 非现场监管 the viewer may see, newest first; optionally of one institution.' })
  inspections(
    @Arg('institutionId', () => ID, { nullable: true, description: "机构编号: only this institution's inspections" })
    institutionId: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Inspection[]> {
    return ctx.services.oversight.inspections(institutionId);
  }

  @Mutation(() => Inspection, { description: '登记检查 (市地方金融监管局, 实施意见（十）): findings and a rectification date.' })
  recordInspection(@Arg('input', () => InspectionInput, { description: '检查信息' }) input: InspectionInput, @Ctx() ctx: Context) {
    return ctx.services.oversight.recordInspection(input);
  }

  @Mutation(() => Inspection, { description: '整改完成 (市地方金融监管局): closes an open inspection; closing twice is CONFLICT.' })
  closeInspection(
    @Arg('id', () => ID, { description: '检查编号' }) id: string,
    @Arg('rectifiedOn', () => DateScalar, { description: '整改完成日期: not in the future, not before the inspection' })
    rectifiedOn: string,
    @Arg('note', () => String, { nullable: true, description: '整改说明' }) note: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Inspection> {
    return ctx.services.oversight.closeInspection(id, rectifiedOn, note);
  }

  @FieldResolver(() => String, { description: '检查发现; identifiers quoted in it are masked for viewers without the right to them' })
  findings(@Root() n: Inspection, @Ctx() ctx: Context): string {
    return ctx.scope.seesBorrowerIdentity(n.institutionId) ? n.findings : maskIdentifiersIn(n.findings);
  }

  @FieldResolver(() => Boolean, { description: '逾期未整改: open past its rectification date (Asia/Shanghai)' })
  overdue(@Root() n: Inspection): boolean {
    return n.status === InspectionStatus.OPEN && n.rectificationDueOn !== null && n.rectificationDueOn < businessToday();
  }

  @FieldResolver(() => GuaranteeInstitution, { description: '被检查机构' })
  async institution(@Root() n: Inspection, @Ctx() ctx: Context): Promise<GuaranteeInstitution> {
    const institution = await ctx.loaders.institution.load(n.institutionId);
    if (!institution) throw new Error(`institution ${n.institutionId} of inspection ${n.id} is outside the reader's scope`);
    return institution;
  }
}

@Resolver(() => TaskForceMeeting)
export class TaskForceMeetingResolver {
  @Query(() => [TaskForceMeeting], { description: '专班会议 (实施意见（十一）), newest first.' })
  taskForceMeetings(@Ctx() ctx: Context): Promise<TaskForceMeeting[]> {
    return ctx.services.oversight.meetings();
  }

  @Mutation(() => TaskForceMeeting, { description: '登记专班会议 (专班办公室): decisions and the institutions put under supervision.' })
  recordTaskForceMeeting(
    @Arg('input', () => TaskForceMeetingInput, { description: '会议信息' }) input: TaskForceMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<TaskForceMeeting> {
    return ctx.services.oversight.recordMeeting(input);
  }

  @FieldResolver(() => [GuaranteeInstitution], { description: '督导机构 the viewer may see' })
  async supervisedInstitutions(@Root() m: TaskForceMeeting, @Ctx() ctx: Context): Promise<GuaranteeInstitution[]> {
    const ids = await ctx.loaders.meetingInstitutions.load(m.id);
    const found = await ctx.loaders.institution.loadMany(ids);
    return found.filter((i): i is GuaranteeInstitution => i !== null && !(i instanceof Error));
  }
}
