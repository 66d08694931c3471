import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { READERS } from '../../access/readers';
import { Role } from '../../access/roles';

export const capitalRules = {
  // Which injections each reader sees is scope.capitalInjections (the institution its own, the group its members).
  Query: { capitalInjections: hasRole(...READERS.capital, Role.HOLDING_GROUP, Role.GUARANTEE_INSTITUTION) },
  Mutation: {
    // 实施意见（六）: 牵头单位 市财政局; 责任单位 各县（市、区）人民政府 — for their own region's institutions (service scope).
    recordCapitalInjection: hasRole(Role.FINANCE, Role.LOCAL_GOVERNMENT),
  },
  CapitalInjection: allow,
};
