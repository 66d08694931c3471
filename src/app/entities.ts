import { ReplicaReadFence } from '../platform/db/read-fence.entity';
import { AuditLog } from '../modules/audit/audit.entity';
import { Bank } from '../modules/bank/bank.entity';
import { Borrower } from '../modules/borrower/borrower.entity';
import { Compensation, Recovery } from '../modules/compensation/compensation.entity';
import { CooperationAgreement } from '../modules/cooperation/cooperation.entity';
import { BusinessMonthStats, HouseholdBalance, LedgerVersion } from '../modules/ledger/ledger.entity';
import { Department } from '../modules/department/department.entity';
import { PerformanceEvaluation } from '../modules/evaluation/evaluation.entity';
import { CapitalInjection } from '../modules/capital/capital.entity';
import { Inspection, TaskForceMeeting, TaskForceMeetingInstitution } from '../modules/oversight/oversight.entity';
import { FeeSubsidyClaim, FeeSubsidyClaimGuarantee } from '../modules/fee-subsidy/fee-subsidy.entity';
import { RiskCompensationClaim } from '../modules/risk-compensation/risk-compensation.entity';
import { Guarantee, GuaranteeKey } from '../modules/guarantee/guarantee.entity';
import { GuaranteeInstitution } from '../modules/institution/institution.entity';
import { MaliciousDefaultLead } from '../modules/lead/lead.entity';
import { PolicyParameterSet } from '../modules/policy/policy.entity';
import { Region } from '../modules/region/region.entity';
import { MonthlyReport, ReportNotification } from '../modules/report/report.entity';
import { TaskForceMember } from '../modules/task-force/task-force.entity';
import { User } from '../modules/user/user.entity';
import { LoginFailure } from '../modules/user/login-failure.entity';

export const ENTITIES = [
  Region,
  Department,
  GuaranteeInstitution,
  Bank,
  CooperationAgreement,
  Borrower,
  Guarantee,
  GuaranteeKey,
  Compensation,
  Recovery,
  MaliciousDefaultLead,
  RiskCompensationClaim,
  FeeSubsidyClaim,
  FeeSubsidyClaimGuarantee,
  CapitalInjection,
  PerformanceEvaluation,
  MonthlyReport,
  ReportNotification,
  TaskForceMember,
  PolicyParameterSet,
  User,
  LoginFailure,
  ReplicaReadFence,
  AuditLog,
  BusinessMonthStats,
  LedgerVersion,
  HouseholdBalance,
  Inspection,
  TaskForceMeeting,
  TaskForceMeetingInstitution,
];
