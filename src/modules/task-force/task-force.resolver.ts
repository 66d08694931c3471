import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context';
import { TaskForceMember } from './task-force.entity';
import { TaskForceMemberInput } from './task-force.inputs';

@Resolver(() => TaskForceMember)
export class TaskForceResolver {
  @Query(() => [TaskForceMember], { description: '工作专班组成人员, in the order of the annex.' })
  taskForceMembers(@Ctx() ctx: Context): Promise<TaskForceMember[]> {
    return ctx.services.taskForce.members();
  }

  @Mutation(() => TaskForceMember, {
    description: '维护工作专班成员 (R15): the 专班办公室 adds a member (no id) or changes one (with id).',
  })
  upsertTaskForceMember(
    @Arg('input', () => TaskForceMemberInput, { description: '成员信息' }) input: TaskForceMemberInput,
    @Ctx() ctx: Context,
  ): Promise<TaskForceMember> {
    return ctx.services.taskForce.upsert(input);
  }
}
