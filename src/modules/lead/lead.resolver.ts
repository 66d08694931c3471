import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { LeadDecision, LeadStatus } from './lead.entity';
import { LeadView } from './lead.types';

@Resolver(() => LeadView)
export class LeadResolver {
  @Query(() => [LeadView], {
    description:
      '恶意逃废债线索 the viewer may see: the police only those transferred to them; an institution its own; the financial regulator all.',
  })
  maliciousDefaultLeads(
    @Arg('status', () => LeadStatus, { nullable: true, description: '只看该状态的线索' }) status: LeadStatus | null,
    @Ctx() ctx: Context,
  ): Promise<LeadView[]> {
    return ctx.services.leads.list(status);
  }

  @Mutation(() => LeadView, { description: '逐笔核查: the owning institution confirms or dismisses one pending lead, once.' })
  reviewLead(
    @Arg('id', () => ID, { description: '线索编号' }) id: string,
    @Arg('decision', () => LeadDecision, { description: '核查结论' }) decision: LeadDecision,
    @Arg('note', () => String, { nullable: true, description: '核查说明' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<LeadView> {
    return ctx.services.leads.review(id, decision, note);
  }

  @Mutation(() => LeadView, { description: '移交公安部门: the owning institution hands a confirmed lead to the police.' })
  transferLeadToPolice(@Arg('id', () => ID, { description: '线索编号' }) id: string, @Ctx() ctx: Context): Promise<LeadView> {
    return ctx.services.leads.transfer(id);
  }

  @Mutation(() => LeadView, {
    description: '公安核查进展: the police move a transferred lead forward (INVESTIGATING, CASE_FILED with its number, CLOSED_NO_CASE).',
  })
  updateLeadInvestigation(
    @Arg('id', () => ID, { description: '线索编号' }) id: string,
    @Arg('status', () => LeadStatus, { description: '核查状态: INVESTIGATING, CASE_FILED or CLOSED_NO_CASE' }) status: LeadStatus,
    @Arg('caseNumber', () => String, { nullable: true, description: '立案编号 (required for CASE_FILED)' }) caseNumber: string | null,
    @Arg('note', () => String, { nullable: true, description: '核查情况' }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<LeadView> {
    return ctx.services.leads.updateInvestigation(id, status, caseNumber, note);
  }
}
