/**
 * The aggregate reads `npm run bench` measures beside the list page (issue 12): the dashboard with every
 * slice and figure, today's warnings and a month's supervision list. The statements test
 * (test/integration/aggregate-queries.test.ts) runs these same texts.
 */
export const DASHBOARD_QUERY = `query Dashboard($filter: DashboardFilter) { dashboard(filter: $filter) {
  total { ...s } byRegion { ...s } byInstitution { ...s } byBank { ...s } byMonth { ...s }
  targets { smallAgriShare smallHouseholdShare averageFeeRate minBankRiskShare maxHouseholdAmount } } }
fragment s on DashboardSlice { key label newCount newAmount smallAgriCount smallAgriCountShare smallAgriAmount smallAgriShare
  smallHouseholdAmount smallHouseholdShare averageFeeRate meanFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate }`;

export const WARNINGS_QUERY = `query Warnings { warnings { indicator level institution { id name } agreement { id } value threshold message } }`;

export const SUPERVISION_QUERY = `query Supervision($month: String!) {
  supervisionList(month: $month) { institution { id name } month reportOverdue reasons redWarnings { indicator level } } }`;
