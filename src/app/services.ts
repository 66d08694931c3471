import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Scope } from '../access/scope';
import type { TokenSettings } from '../access/token';
import type { Viewer } from '../access/viewer';
import { CompensationService } from '../modules/compensation/compensation.service';
import { CapitalService } from '../modules/capital/capital.service';
import { OversightService } from '../modules/oversight/oversight.service';
import { ScorecardService } from '../modules/scorecard/scorecard.service';
import { WarningService } from '../modules/warning/warning.service';
import { EvaluationService } from '../modules/evaluation/evaluation.service';
import { DashboardService } from '../modules/dashboard/dashboard.service';
import { InstitutionService } from '../modules/institution/institution.service';
import { BankService } from '../modules/bank/bank.service';
import { CooperationService } from '../modules/cooperation/cooperation.service';
import { GuaranteeService } from '../modules/guarantee/guarantee.service';
import { GuaranteeImportService } from '../modules/guarantee/import/import.service';
import { LeadService } from '../modules/lead/lead.service';
import { PolicyService } from '../modules/policy/policy.service';
import { PolicyVersions } from '../modules/policy/policy-versions';
import { RiskCompensationService } from '../modules/risk-compensation/risk-compensation.service';
import { FeeSubsidyService } from '../modules/fee-subsidy/fee-subsidy.service';
import { RegionService } from '../modules/region/region.service';
import { AuditService } from '../modules/audit/audit.service';
import { UserService } from '../modules/user/user.service';
import { AccountService } from '../modules/user/account.service';
import type { LoginRequest } from '../modules/user/login-guard';
import { ReportService } from '../modules/report/report.service';
import { TaskForceService } from '../modules/task-force/task-force.service';

/**
 * The services of one request, built on first use from the request's entity manager and viewer:
 * never a global data source, so a test can run them inside a transaction it rolls back.
 */
export class Services {
  private readonly built = new Map<string, unknown>();

  constructor(
    readonly manager: EntityManager,
    readonly viewer: Viewer | null,
    readonly scope: Scope,
    readonly log: Logger,
    /** For minting tokens at login; absent where no login can happen (scripts). */
    readonly tokens?: TokenSettings,
    /** The HTTP server's login throttle and the caller's address. */
    readonly login?: LoginRequest,
  ) {}

  private once<T>(name: string, make: () => T): T {
    let service = this.built.get(name) as T | undefined;
    if (service === undefined) {
      service = make();
      this.built.set(name, service);
    }
    return service;
  }

  get users(): UserService {
    return this.once('users', () => new UserService(this.manager, this.viewer));
  }

  get accounts(): AccountService {
    return this.once('accounts', () => new AccountService(this.manager, this.viewer, this.tokens, this.login));
  }

  get audit(): AuditService {
    return this.once('audit', () => new AuditService(this.manager));
  }

  get policy(): PolicyService {
    return this.once('policy', () => new PolicyService(this.manager));
  }

  get policyVersions(): PolicyVersions {
    return this.once('policyVersions', () => new PolicyVersions(this.manager, this.scope, this.policy));
  }

  get regions(): RegionService {
    return this.once('regions', () => new RegionService(this.manager));
  }

  get institutions(): InstitutionService {
    return this.once('institutions', () => new InstitutionService(this.manager, this.scope));
  }

  get banks(): BankService {
    return this.once('banks', () => new BankService(this.manager, this.scope));
  }

  get agreements(): CooperationService {
    return this.once('agreements', () => new CooperationService(this.manager, this.scope, this.policy));
  }

  get guarantees(): GuaranteeService {
    return this.once('guarantees', () => new GuaranteeService(this.manager, this.scope, this.policy));
  }

  get guaranteeImport(): GuaranteeImportService {
    return this.once('guaranteeImport', () => new GuaranteeImportService(this.manager, this.scope, this.policy));
  }

  get compensations(): CompensationService {
    return this.once('compensations', () => new CompensationService(this.manager, this.scope));
  }

  get leads(): LeadService {
    return this.once('leads', () => new LeadService(this.manager, this.scope));
  }

  get riskCompensation(): RiskCompensationService {
    return this.once('riskCompensation', () => new RiskCompensationService(this.manager, this.scope, this.viewer, this.policy));
  }

  get feeSubsidy(): FeeSubsidyService {
    return this.once('feeSubsidy', () => new FeeSubsidyService(this.manager, this.scope, this.viewer, this.policy));
  }

  get dashboard(): DashboardService {
    return this.once('dashboard', () => new DashboardService(this.manager, this.scope, this.policy));
  }

  get reports(): ReportService {
    return this.once('reports', () => new ReportService(this.manager, this.scope));
  }

  get taskForce(): TaskForceService {
    return this.once('taskForce', () => new TaskForceService(this.manager));
  }

  get oversight(): OversightService {
    return this.once('oversight', () => new OversightService(this.manager, this.scope));
  }

  get scorecards(): ScorecardService {
    return this.once('scorecards', () => new ScorecardService(this.manager, this.scope));
  }

  get warnings(): WarningService {
    return this.once('warnings', () => new WarningService(this.manager, this.scope, this.policy));
  }

  get capital(): CapitalService {
    return this.once('capital', () => new CapitalService(this.manager, this.scope));
  }

  get evaluations(): EvaluationService {
    return this.once('evaluations', () => new EvaluationService(this.manager, this.scope, this.policy));
  }
}
