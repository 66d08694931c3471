import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { TaskForceMember } from './task-force.entity';

@Resolver(() => TaskForceMember)
export class TaskForceResolver {
  @Query(() => [TaskForceMember], { description: '工作专班组成人员, in the order of the annex.' })
  taskForceMembers(@Ctx() ctx: Context): Promise<TaskForceMember[]> {
    return ctx.services.reference.taskForceMembers();
  }
}
