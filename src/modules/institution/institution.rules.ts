import { allow } from 'graphql-shield';
import { anyRoleBut, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** Which institutions a role sees is decided by its scope (auth/scope.ts); the police and the operator see none. */
const readsInstitutions = anyRoleBut(Role.ADMIN, Role.PUBLIC_SECURITY);

export const institutionRules = {
  Query: { institutions: readsInstitutions, institution: readsInstitutions },
  Mutation: {
    // ../shared/DESIGN.md §3: FINANCE writes institutions; FINANCIAL_REGULATOR their list status (实施意见（三）).
    createInstitution: hasRole(Role.FINANCE),
    updateInstitutionListStatus: hasRole(Role.FINANCIAL_REGULATOR),
  },
  GuaranteeInstitution: allow,
};
