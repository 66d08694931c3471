import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../auth/rules';
import { Role } from '../../auth/roles';

export const bankRules = {
  Query: { banks: anyRoleBut(Role.ADMIN, Role.PUBLIC_SECURITY) },
  Bank: allow,
};
