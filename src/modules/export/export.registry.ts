import { dashboardExport } from './dashboard.export';
import { monthlyReportExport } from './monthly-report.export';
import { riskCompensationClaimExport } from './risk-compensation-claim.export';
import { feeSubsidyClaimExport } from './fee-subsidy-claim.export';
import { leadsExport } from './leads.export';
import { bankScorecardsExport, supervisionExport } from './oversight.export';
import type { ExportDefinition } from './export.types';

/**
 * Every download under /exports (../shared/DESIGN.md §4). A new one is a file beside these (a query, how to
 * pick the record, how to fill the sheet) and a line here.
 */
export const EXPORTS: readonly ExportDefinition[] = [
  dashboardExport,
  monthlyReportExport,
  riskCompensationClaimExport,
  feeSubsidyClaimExport,
  // Beyond ../shared/DESIGN.md §4: the dashboard page's other views, each as its spreadsheet.
  bankScorecardsExport,
  supervisionExport,
  leadsExport,
];
