import { addTable, chineseDate, type Column } from './export.sheet';
import { defineExport } from './export.types';

interface Report {
  id: string;
  month: string;
  version: number;
  submittedAt: string;
  institution: { name: string };
  newCount: number;
  newAmount: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  compensatedAmount: string;
}

interface Targets {
  smallAgriShare: string;
  averageFeeRate: string;
}

const COLUMNS: Column[] = [
  { header: '项目', kind: 'text', width: 28 },
  { header: '金额（元）', kind: 'yuan', width: 20 },
  { header: '笔数', kind: 'count' },
  { header: '比率', kind: 'rate' },
  { header: '政策目标', kind: 'rate' },
  { header: '说明', kind: 'text', width: 30 },
];

/** 月报 (R13): the frozen figures of one submitted version, beside the targets in force today. */
export const monthlyReportExport = defineExport<{ monthlyReports: Report[]; policyTargets: Targets }, { report: Report; targets: Targets }>(
  {
    path: '/monthly-reports/:id.xlsx',
    query: `{ policyTargets { smallAgriShare averageFeeRate }
    monthlyReports { id month version submittedAt institution { name } newCount newAmount smallAgriShare averageFeeRate outstandingBalance compensatedAmount } }`,
    variables: () => ({}),
    pick: (data, req) => {
      const report = data.monthlyReports.find((r) => r.id === req.params.id);
      return report ? { report, targets: data.policyTargets } : null;
    },
    fileName: ({ report }) => `monthly-report-${report.month}-v${report.version}.xlsx`,
    fill(book, { report: r, targets }) {
      const title = `${r.institution.name} ${chineseDate(r.month)}月报（第${r.version}版，报送于${r.submittedAt.slice(0, 10)}，金额单位：元）`;
      addTable(book, '月报', title, COLUMNS, [
        ['新增担保', r.newAmount, r.newCount, null, null, null],
        ['支小支农担保业务占比', null, null, r.smallAgriShare, targets.smallAgriShare, '不低于目标'],
        ['平均担保费率', null, null, r.averageFeeRate, targets.averageFeeRate, '不高于目标'],
        ['月末在保余额', r.outstandingBalance, null, null, null, null],
        ['代偿金额', r.compensatedAmount, null, null, null, null],
      ]);
    },
  },
);
