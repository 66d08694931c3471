import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** R17/R18 (../shared/DESIGN.md §3): within each reader's scope; an institution its own. */
const READERS = [
  Role.TASK_FORCE_OFFICE,
  Role.FINANCE,
  Role.FINANCIAL_REGULATOR,
  Role.SASAC,
  Role.INDUSTRY,
  Role.LOCAL_GOVERNMENT,
  Role.HOLDING_GROUP,
  Role.GUARANTEE_INSTITUTION,
];

export const warningRules = {
  Query: { warnings: hasRole(...READERS), supervisionList: hasRole(...READERS) },
  Warning: allow,
  SupervisionEntry: allow,
};
