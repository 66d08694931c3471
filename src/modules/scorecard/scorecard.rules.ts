import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** R19 (../shared/DESIGN.md §2): who reads the bank scorecards; a bank reads its own (scope). */
export const scorecardRules = {
  Query: {
    bankScorecards: hasRole(Role.PBOC, Role.BANKING_REGULATOR, Role.FINANCIAL_REGULATOR, Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.BANK),
  },
  BankScorecard: allow,
};
