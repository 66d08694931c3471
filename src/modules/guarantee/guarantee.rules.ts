import { allow } from 'graphql-shield';
import { BUSINESS_READERS, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * ../shared/DESIGN.md §3: business readers, the holding group, the institution (its own) and the bank (its loans);
 * which rows each reads is scope.guarantees. Not PBOC / BANKING_REGULATOR (no borrower data), SASAC,
 * TASK_FORCE_MEMBER (aggregates only), PUBLIC_SECURITY (leads only) or ADMIN.
 */
const readsGuarantees = hasRole(...BUSINESS_READERS);
const institutionWrites = hasRole(Role.GUARANTEE_INSTITUTION);

export const guaranteeRules = {
  Query: { guarantees: readsGuarantees, guarantee: readsGuarantees },
  // The service also checks the caller acts for the institution concerned.
  Mutation: { createGuarantee: institutionWrites, releaseGuarantee: institutionWrites, importGuarantees: institutionWrites },
  // Reached only through the queries above (or a compensation the viewer reads): access is decided there and
  // by scope. `allow` leaves these hot fields unwrapped by the shield (auth/permissions.ts).
  Guarantee: allow,
  GuaranteeConnection: allow,
  GuaranteeEdge: allow,
  PageInfo: allow,
  GuaranteeImportResult: allow,
  ImportRowError: allow,
};
