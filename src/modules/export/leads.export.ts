import { addTable, type Column } from './export.sheet';
import { defineExport } from './export.types';

interface Lead {
  institutionName: string;
  borrowerName: string;
  borrowerIdentifier: string;
  compensationAmount: string;
  compensationPaidOn: string;
  status: string;
  transferredAt: string | null;
  policeCaseNumber: string | null;
  policeNote: string | null;
  evidence: string;
}

const STATUS: Record<string, string> = {
  PENDING_REVIEW: '待核查',
  CONFIRMED: '核查属实，待移交',
  DISMISSED: '核查排除',
  TRANSFERRED: '已移交公安',
  INVESTIGATING: '公安核查中',
  CASE_FILED: '已立案',
  CLOSED_NO_CASE: '不予立案，已办结',
};

const COLUMNS: Column[] = [
  { header: '担保机构', kind: 'text', width: 28 },
  { header: '被担保人', kind: 'text', width: 24 },
  { header: '证件号码', kind: 'text', width: 22 },
  { header: '代偿金额（元）', kind: 'yuan', width: 18 },
  { header: '代偿日期', kind: 'text', width: 12 },
  { header: '状态', kind: 'text', width: 16 },
  { header: '移交日期', kind: 'text', width: 12 },
  { header: '立案编号', kind: 'text', width: 16 },
  { header: '核查情况', kind: 'text', width: 30 },
  { header: '线索依据', kind: 'text', width: 40 },
];

/** 恶意逃废债线索 (R12) the caller may read, identifiers masked as the API masks them: /exports/leads.xlsx. */
export const leadsExport = defineExport<{ maliciousDefaultLeads: Lead[] }, Lead[]>({
  path: '/leads.xlsx',
  query: `{ maliciousDefaultLeads { institutionName borrowerName borrowerIdentifier compensationAmount compensationPaidOn status transferredAt
    policeCaseNumber policeNote evidence } }`,
  variables: () => ({}),
  pick: (data) => data.maliciousDefaultLeads,
  fileName: () => 'leads.xlsx',
  fill(book, leads) {
    addTable(
      book,
      '线索',
      '恶意逃废债线索（金额单位：元）',
      COLUMNS,
      leads.map((l) => [
        l.institutionName,
        l.borrowerName,
        l.borrowerIdentifier,
        l.compensationAmount,
        l.compensationPaidOn,
        STATUS[l.status] ?? l.status,
        l.transferredAt?.slice(0, 10) ?? null,
        l.policeCaseNumber,
        l.policeNote,
        l.evidence,
      ]),
    );
  },
});
