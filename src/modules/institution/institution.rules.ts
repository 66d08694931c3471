import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../auth/rules';
import { Role } from '../../auth/roles';

/** Which institutions a role sees is decided by its scope (auth/scope.ts); the police and the operator see none. */
const readsInstitutions = anyRoleBut(Role.ADMIN, Role.PUBLIC_SECURITY);

export const institutionRules = {
  Query: { institutions: readsInstitutions, institution: readsInstitutions },
  GuaranteeInstitution: allow,
};
