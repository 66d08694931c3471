import { allow } from 'graphql-shield';
import { anyRoleBut, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';
import { REGION_NARROWABLE } from '../../access/viewer';

export const policyRules = {
  Query: {
    policyTargets: anyRoleBut(Role.PUBLIC_SECURITY),
    // R14 (../shared/DESIGN.md §3): every government role; the police read leads only.
    policyParameterSets: hasRole(...REGION_NARROWABLE, Role.PBOC, Role.BANKING_REGULATOR),
  },
  // The city's finance bureau alone (a county bureau is refused by the service: the numbers are the city's).
  Mutation: { addPolicyParameterSet: hasRole(Role.FINANCE) },
  PolicyTargets: allow,
  PolicyParameterSet: allow,
  RiskCompensationBand: allow,
};
