import { allow } from 'graphql-shield';
import { anyRoleBut, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** The task force is public in the policy's annex; every department but the police reads it. */
export const taskForceRules = {
  Query: { taskForceMembers: anyRoleBut(Role.PUBLIC_SECURITY) },
  // ../shared/DESIGN.md §3: the 专班办公室 (at the finance bureau) writes task-force members.
  Mutation: { upsertTaskForceMember: hasRole(Role.TASK_FORCE_OFFICE) },
  TaskForceMember: allow,
};
