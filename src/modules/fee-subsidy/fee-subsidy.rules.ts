import { allow } from 'graphql-shield';
import { CLAIM_READERS, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * 担保费补贴 (实施意见（八）, R8), as test/fixtures/access-matrix.ts fixes it (../shared/DESIGN.md §3: submitted by the
 * institution, decided by INDUSTRY and FINANCE, paid by FINANCE, read like risk-compensation claims; rows are scope.claims).
 */
export const feeSubsidyRules = {
  Query: {
    feeSubsidyClaims: hasRole(...CLAIM_READERS),
  },
  Mutation: {
    submitFeeSubsidyClaim: hasRole(Role.GUARANTEE_INSTITUTION),
    decideFeeSubsidyClaim: hasRole(Role.FINANCE, Role.INDUSTRY),
    markFeeSubsidyClaimPaid: hasRole(Role.FINANCE),
  },
  FeeSubsidyClaim: allow,
};
