import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { READERS } from '../../access/readers';
import { Role } from '../../access/roles';

/** R20 (../shared/DESIGN.md §3): who records and who reads oversight records. */
export const oversightRules = {
  Query: {
    // The government readers and the inspected institution (its own, by scope).
    inspections: hasRole(...READERS.oversight, Role.GUARANTEE_INSTITUTION),
    // Every government role and the holding group; the police read transferred leads only.
    taskForceMeetings: hasRole(...READERS.oversight, Role.PBOC, Role.BANKING_REGULATOR, Role.HOLDING_GROUP),
  },
  Mutation: {
    // 实施意见（十）: 市地方金融监管局 现场检查和非现场监管.
    recordInspection: hasRole(Role.FINANCIAL_REGULATOR),
    closeInspection: hasRole(Role.FINANCIAL_REGULATOR),
    // 实施意见（十一）: the 专班办公室 keeps the task force's record.
    recordTaskForceMeeting: hasRole(Role.TASK_FORCE_OFFICE),
  },
  Inspection: allow,
  TaskForceMeeting: allow,
};
