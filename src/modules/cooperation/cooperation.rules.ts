import { allow } from 'graphql-shield';
import { hasRole } from '../../auth/rules';
import { Role } from '../../auth/roles';

/**
 * DESIGN.md §3: the business readers, the holding group, both parties, and the PBOC and banking regulator
 * (cooperation data, no borrower identities). Which agreements each sees is scope.agreements.
 */
const readsAgreements = hasRole(
  Role.TASK_FORCE_OFFICE,
  Role.FINANCE,
  Role.FINANCIAL_REGULATOR,
  Role.INDUSTRY,
  Role.LOCAL_GOVERNMENT,
  Role.HOLDING_GROUP,
  Role.GUARANTEE_INSTITUTION,
  Role.BANK,
  Role.PBOC,
  Role.BANKING_REGULATOR,
);

export const cooperationRules = {
  Query: { cooperationAgreements: readsAgreements },
  // The institution writes its own agreements (the service checks it acts for the institution).
  Mutation: { signCooperationAgreement: hasRole(Role.GUARANTEE_INSTITUTION) },
  CooperationAgreement: allow,
};
