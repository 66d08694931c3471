import { gql } from './api';

export interface Slice {
  key: string;
  label: string;
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  smallAgriShare: string | null;
  /** ≤ 5,000,000 household share (R3). */
  smallHouseholdShare: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
}

export interface Targets {
  smallAgriShare: string;
  /** The ≤ 5,000,000 household share's target (the national rule's 50%, from the policy version in force). */
  smallHouseholdShare: string;
  averageFeeRate: string;
}

export interface Dashboard {
  total: Slice;
  byMonth: Slice[];
  byRegion: Slice[];
  byInstitution: Slice[];
  byBank: Slice[];
  targets: Targets;
}

export interface Period {
  from: string;
  to: string;
}

const SLICE =
  'key label newCount newAmount smallAgriAmount smallAgriShare smallHouseholdShare averageFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate';

const DASHBOARD = `query ($filter: DashboardFilter) { dashboard(filter: $filter) {
    total { ...s } byMonth { ...s } byRegion { ...s } byInstitution { ...s } byBank { ...s }
    targets { smallAgriShare smallHouseholdShare averageFeeRate } } }
    fragment s on DashboardSlice { ${SLICE} }`;

export async function loadDashboard(period: Period): Promise<Dashboard> {
  const filter = { from: `${period.from}-01`, to: lastDay(period.to) };
  return (await gql<{ dashboard: Dashboard }>(DASHBOARD, { filter })).dashboard;
}

/** YYYY-MM → its last day, YYYY-MM-DD. */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The query string of /exports/dashboard.xlsx for a period: the same filter as the page's. */
export function dashboardExportPath(period: Period): string {
  return `/exports/dashboard.xlsx?from=${period.from}-01&to=${lastDay(period.to)}`;
}
