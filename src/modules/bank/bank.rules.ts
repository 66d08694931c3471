import { allow } from 'graphql-shield';
import { anyRoleBut, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

export const bankRules = {
  Query: { banks: anyRoleBut(Role.ADMIN, Role.PUBLIC_SECURITY) },
  // ../shared/DESIGN.md §3: the financial regulator writes banks.
  Mutation: { createBank: hasRole(Role.FINANCIAL_REGULATOR) },
  Bank: allow,
};
