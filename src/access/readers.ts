import { Role } from './roles';
import { REGION_NARROWABLE } from './viewer';

/**
 * Which government roles read every institution's rows of each kind (../shared/DESIGN.md §3, "reads" column),
 * narrowed to their region when their token carries a regionId. The holding group, the institution and
 * the bank reach rows through their own paths (scope.ts); every other role reads none of that kind.
 * Keep in step with test/fixtures/access-matrix.ts: the matrix says who may ask, this says what they get.
 */
const roles = (...r: Role[]): ReadonlySet<Role> => new Set(r);

/** Government roles that read every institution's rows of a kind (narrowed by regionId), per ../shared/DESIGN.md §3. */
export const READERS = {
  /** Guarantees, borrowers, compensations: "all business data" (TASK_FORCE_OFFICE: everything but leads and users). */
  business: roles(Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.INDUSTRY, Role.LOCAL_GOVERNMENT),
  /** Risk-compensation and fee-subsidy claims: INDUSTRY decides them with FINANCE (R7, R8). */
  claims: roles(Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.INDUSTRY, Role.LOCAL_GOVERNMENT),
  /** Capital injections (R10): FINANCE and the county government record them. */
  capital: roles(Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.LOCAL_GOVERNMENT),
  /** Evaluations (R11): SASAC evaluates the municipal institutions. */
  evaluations: roles(Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.SASAC, Role.LOCAL_GOVERNMENT),
  /** Monthly reports (R13): institution-level aggregates, reported to the task-force office. */
  reports: roles(Role.TASK_FORCE_OFFICE, Role.FINANCE, Role.FINANCIAL_REGULATOR, Role.SASAC, Role.LOCAL_GOVERNMENT),
  /** Aggregates (dashboards): every government role; the PBOC and banking regulator for per-bank figures. */
  aggregates: roles(...REGION_NARROWABLE, Role.PBOC, Role.BANKING_REGULATOR),
  /** Inspections (R20): the government departments that follow institutions; the inspected institution its own. */
  oversight: roles(...REGION_NARROWABLE),
  /** Leads (R12): the financial regulator leads the fight against evasion with the police. */
  leads: roles(Role.FINANCIAL_REGULATOR),
} as const;

/** Identifiers of borrowers in full: the owning institution, FINANCE, FINANCIAL_REGULATOR (and the police in leads). */
export const FULL_IDENTITY: ReadonlySet<Role> = roles(Role.FINANCE, Role.FINANCIAL_REGULATOR);
