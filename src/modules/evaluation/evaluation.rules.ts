import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { READERS } from '../../access/readers';
import { Role } from '../../access/roles';

export const evaluationRules = {
  // Which evaluations each reader sees is scope.evaluations (the institution its own, the group its members).
  Query: { performanceEvaluations: hasRole(...READERS.evaluations, Role.HOLDING_GROUP, Role.GUARANTEE_INSTITUTION) },
  Mutation: {
    // 实施意见（九）: 市国资委 for 市级, 县级财政部门 for 县级; which one for which level is checked in the service.
    recordPerformanceEvaluation: hasRole(Role.SASAC, Role.FINANCE),
  },
  PerformanceEvaluation: allow,
};
