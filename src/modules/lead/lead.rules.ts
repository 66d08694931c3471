import { hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

/**
 * R12 / 实施意见（十）: institutions review and transfer their own leads, the police update the investigation
 * of the leads transferred to them, the financial regulator (牵头单位 with the police) and the holding group
 * (责任单位) read. Which leads each one reads is scope.leads (auth/scope.ts).
 */
const readsLeads = hasRole(Role.GUARANTEE_INSTITUTION, Role.FINANCIAL_REGULATOR, Role.PUBLIC_SECURITY, Role.HOLDING_GROUP);
const institution = hasRole(Role.GUARANTEE_INSTITUTION);

export const leadRules = {
  Query: { maliciousDefaultLeads: readsLeads },
  Mutation: {
    reviewLead: institution,
    transferLeadToPolice: institution,
    updateLeadInvestigation: hasRole(Role.PUBLIC_SECURITY),
  },
  MaliciousDefaultLead: readsLeads,
};
