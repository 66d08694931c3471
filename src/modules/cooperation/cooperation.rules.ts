import { allow } from 'graphql-shield';
import { BUSINESS_READERS, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * ../shared/DESIGN.md §3: the business readers, the holding group, both parties, and the PBOC and banking regulator
 * (cooperation data, no borrower identities). Which agreements each sees is scope.agreements.
 */
const readsAgreements = hasRole(...BUSINESS_READERS, Role.PBOC, Role.BANKING_REGULATOR);

export const cooperationRules = {
  Query: { cooperationAgreements: readsAgreements },
  // The institution writes its own agreements (the service checks it acts for the institution).
  Mutation: { signCooperationAgreement: hasRole(Role.GUARANTEE_INSTITUTION) },
  CooperationAgreement: allow,
};
