import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/** The operator and the 市地方金融监管局 read the audit log (../shared/DESIGN.md §3); nothing else reaches these types. */
export const auditRules = {
  Query: { auditLog: hasRole(Role.ADMIN, Role.FINANCIAL_REGULATOR) },
  AuditLogConnection: allow,
  AuditLogEdge: allow,
  AuditLogEntry: allow,
  PageInfo: allow,
};
