import { allow } from 'graphql-shield';
import { hasRole } from '../../access/rules';
import { Role } from '../../access/roles';

export const reportRules = {
  Query: {
    // Reported to the 工作专班办公室; readable by the departments that follow institutions, and 通报 to the banks.
    monthlyReports: hasRole(
      Role.TASK_FORCE_OFFICE,
      Role.FINANCE,
      Role.FINANCIAL_REGULATOR,
      Role.SASAC,
      Role.LOCAL_GOVERNMENT,
      Role.HOLDING_GROUP,
      Role.GUARANTEE_INSTITUTION,
      Role.BANK,
    ),
    // Beyond the contract: a bank's inbox of 通报 (../shared/DESIGN.md §3: a bank reads its notifications).
    reportNotifications: hasRole(Role.BANK),
  },
  // 实施意见（十二）: 各级政府性融资担保机构要按月…报备 — the institution reports its own month.
  Mutation: { submitMonthlyReport: hasRole(Role.GUARANTEE_INSTITUTION) },
  MonthlyReport: allow,
  ReportNotification: allow,
};
