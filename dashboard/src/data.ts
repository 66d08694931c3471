import { ApiError, gql } from './api';

export interface Slice {
  key: string;
  label: string;
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  smallAgriShare: string | null;
  /** ≤ 5,000,000 household share (R3): absent from hubs that do not serve it yet (see OPTIONAL_SLICE_FIELDS). */
  smallHouseholdShare?: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
}

export interface Targets {
  smallAgriShare: string;
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
  'key label newCount newAmount smallAgriAmount smallAgriShare averageFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate';

/**
 * DashboardSlice fields newer than some hubs. The page asks for them; a hub whose schema lacks one answers
 * GRAPHQL_VALIDATION_FAILED, and the page asks again without them (the figure then reads "—"). This is the
 * only place that knows; once every hub serves them they move into SLICE.
 */
const OPTIONAL_SLICE_FIELDS = ['smallHouseholdShare'];
let optionalServed = true;

function dashboardQuery(): string {
  const fields = optionalServed ? `${SLICE} ${OPTIONAL_SLICE_FIELDS.join(' ')}` : SLICE;
  return `query ($filter: DashboardFilter) { dashboard(filter: $filter) {
    total { ...s } byMonth { ...s } byRegion { ...s } byInstitution { ...s } byBank { ...s }
    targets { smallAgriShare averageFeeRate } } }
    fragment s on DashboardSlice { ${fields} }`;
}

export async function loadDashboard(period: Period): Promise<Dashboard> {
  const filter = { from: `${period.from}-01`, to: lastDay(period.to) };
  try {
    return (await gql<{ dashboard: Dashboard }>(dashboardQuery(), { filter })).dashboard;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'GRAPHQL_VALIDATION_FAILED' || !optionalServed) throw err;
    optionalServed = false;
    return (await gql<{ dashboard: Dashboard }>(dashboardQuery(), { filter })).dashboard;
  }
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
