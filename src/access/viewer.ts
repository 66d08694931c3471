import { Role } from './roles';

/** Who is calling: the verified claims of a bearer token (../shared/DESIGN.md §3). */
export interface Viewer {
  /** The caller in whichever system issued the token; not necessarily a hub user. */
  readonly sub: string;
  readonly role: Role;
  readonly regionId: string | null;
  readonly institutionId: string | null;
  readonly bankId: string | null;
}

/** Government roles that a `regionId` narrows to one county or zone. */
export const REGION_NARROWABLE: ReadonlySet<Role> = new Set([
  Role.TASK_FORCE_OFFICE,
  Role.FINANCE,
  Role.FINANCIAL_REGULATOR,
  Role.INDUSTRY,
  Role.SASAC,
  Role.LOCAL_GOVERNMENT,
  Role.TASK_FORCE_MEMBER,
]);
