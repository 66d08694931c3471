import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { CapitalResolver } from '../modules/capital/capital.resolver';
import { InspectionResolver, TaskForceMeetingResolver } from '../modules/oversight/oversight.resolver';
import { ScorecardResolver } from '../modules/scorecard/scorecard.resolver';
import { SupervisionResolver, WarningResolver } from '../modules/warning/warning.resolver';
import { EvaluationResolver } from '../modules/evaluation/evaluation.resolver';
import { BankResolver } from '../modules/bank/bank.resolver';
import { BorrowerResolver } from '../modules/borrower/borrower.resolver';
import { CooperationResolver } from '../modules/cooperation/cooperation.resolver';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver';
import { GuaranteeConnectionResolver, GuaranteeResolver } from '../modules/guarantee/guarantee.resolver';
import { CompensationResolver, GuaranteeCompensationsResolver } from '../modules/compensation/compensation.resolver';
import { InstitutionResolver } from '../modules/institution/institution.resolver';
import { LeadResolver } from '../modules/lead/lead.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { RiskCompensationResolver } from '../modules/risk-compensation/risk-compensation.resolver';
import { FeeSubsidyResolver } from '../modules/fee-subsidy/fee-subsidy.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { TaskForceResolver } from '../modules/task-force/task-force.resolver';
import { ReportResolver } from '../modules/report/report.resolver';
import { UserResolver } from '../modules/user/user.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  UserResolver,
  AuditResolver,
  RegionResolver,
  InstitutionResolver,
  BankResolver,
  TaskForceResolver,
  PolicyResolver,
  CompensationResolver,
  GuaranteeCompensationsResolver,
  LeadResolver,
  CooperationResolver,
  GuaranteeResolver,
  GuaranteeConnectionResolver,
  BorrowerResolver,
  CapitalResolver,
  EvaluationResolver,
  ReportResolver,
  DashboardResolver,
  RiskCompensationResolver,
  FeeSubsidyResolver,
  InspectionResolver,
  TaskForceMeetingResolver,
  ScorecardResolver,
  WarningResolver,
  SupervisionResolver,
];
