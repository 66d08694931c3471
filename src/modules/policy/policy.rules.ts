import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../auth/rules';
import { Role } from '../../auth/roles';

export const policyRules = {
  Query: { policyTargets: anyRoleBut(Role.PUBLIC_SECURITY) },
  PolicyTargets: allow,
};
