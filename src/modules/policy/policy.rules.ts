import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../access/rules';
import { Role } from '../../access/roles';

export const policyRules = {
  Query: { policyTargets: anyRoleBut(Role.PUBLIC_SECURITY) },
  PolicyTargets: allow,
};
