import { allow } from 'graphql-shield';
import { anyRoleBut } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * Dashboards are aggregates with no borrower in them: every department but the police and the operator
 * (test/fixtures/access-matrix.ts). Which cells each sees is scope.aggregates (a bank its own, a county its region's).
 */
export const dashboardRules = {
  Query: { dashboard: anyRoleBut(Role.ADMIN, Role.PUBLIC_SECURITY) },
  Dashboard: allow,
  DashboardSlice: allow,
};
