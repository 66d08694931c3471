import { allow } from 'graphql-shield';
import { CLAIM_READERS, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * 市级风险补偿 (实施意见（七）, R7), as test/fixtures/access-matrix.ts fixes it. The claim's readers are the
 * government readers of claims plus the holding group and the institution (CLAIM_READERS); rows are then scope.claims.
 */

export const riskCompensationRules = {
  Query: {
    // The calculator shows no data: whoever works with claims, plus SASAC (R11 uses the rate).
    riskCompensationPreview: hasRole(...CLAIM_READERS, Role.SASAC),
    riskCompensationClaims: hasRole(...CLAIM_READERS),
  },
  Mutation: {
    // The institution claims; 市财政局 and 市工业和信息化局 (the clause's 牵头单位) decide.
    submitRiskCompensationClaim: hasRole(Role.GUARANTEE_INSTITUTION),
    decideRiskCompensationClaim: hasRole(Role.FINANCE, Role.INDUSTRY),
    // 实施意见（七）: 市财政局 pays.
    markRiskCompensationClaimPaid: hasRole(Role.FINANCE),
  },
  RiskCompensationClaim: allow,
  RiskCompensationQuote: allow,
  RiskCompensationTier: allow,
};
