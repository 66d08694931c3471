import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../auth/rules';
import { Role } from '../../auth/roles';

/** The task force is public in the policy's annex; every department but the police reads it. */
export const taskForceRules = {
  Query: { taskForceMembers: anyRoleBut(Role.PUBLIC_SECURITY) },
  TaskForceMember: allow,
};
