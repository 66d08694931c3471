import { BUSINESS_READERS, hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** Roles that read business data (../shared/DESIGN.md §3), a bank the compensations of its own loans; which rows each reads is scope.compensations. */
const readsCompensations = hasRole(...BUSINESS_READERS);

/** A compensation's lead: only roles that read leads at all (the task-force office reads "everything but leads"). */
const readsLeads = hasRole(Role.GUARANTEE_INSTITUTION, Role.FINANCIAL_REGULATOR, Role.HOLDING_GROUP);

export const compensationRules = {
  Mutation: {
    recordCompensation: hasRole(Role.GUARANTEE_INSTITUTION),
    recordRecovery: hasRole(Role.GUARANTEE_INSTITUTION),
  },
  Compensation: { '*': readsCompensations, lead: readsLeads },
};
