import { addTable, chineseDate, type Column } from './export.sheet';
import { defineExport, type ExportRequest } from './export.types';

interface Slice {
  label: string;
  newCount: number;
  newAmount: string;
  smallAgriAmount: string;
  smallAgriShare: string | null;
  averageFeeRate: string | null;
  outstandingBalance: string;
  releasedAmount: string;
  compensatedAmount: string;
  compensationRate: string | null;
  smallAgriCountShare: string | null;
  smallHouseholdShare: string | null;
  meanFeeRate: string | null;
}

interface DashboardData {
  dashboard: {
    total: Slice;
    byMonth: Slice[];
    byRegion: Slice[];
    byInstitution: Slice[];
    byBank: Slice[];
    targets: { smallAgriShare: string; smallHouseholdShare: string; averageFeeRate: string };
  };
}

const SLICE =
  'label newCount newAmount smallAgriAmount smallAgriShare averageFeeRate outstandingBalance releasedAmount compensatedAmount compensationRate' +
  ' smallAgriCountShare smallHouseholdShare meanFeeRate';

const FILTER_KEYS = ['regionId', 'institutionId', 'bankId', 'from', 'to'] as const;

/** The period as a title reads it: 2025年1月至2025年3月, or from/until the open end. */
function periodText(req: ExportRequest): string {
  const { from, to } = req.query;
  const f = from ? chineseDate(from.slice(0, 7)) : null;
  const t = to ? chineseDate(to.slice(0, 7)) : null;
  if (f && t) return f === t ? f : `${f}至${t}`;
  if (f) return `${f}起`;
  if (t) return `截至${t}`;
  return '全部期间';
}

/** R7's bands (../shared/DESIGN.md §2), named for the reader. */
export function r7Band(rate: string | null): string | null {
  if (rate === null) return null;
  const r = Number(rate);
  if (r < 0.01) return '[0,1%) 补偿100%';
  if (r < 0.03) return '[1%,3%) 补偿80%';
  if (r < 0.05) return '[3%,5%) 补偿60%';
  if (r <= 0.08) return '[5%,8%] 补偿50%';
  return '超过8% 不予补偿';
}

const COLUMNS: Column[] = [
  { header: '名称', kind: 'text', width: 28 },
  { header: '新增担保笔数', kind: 'count' },
  { header: '新增担保金额（元）', kind: 'yuan', width: 20 },
  { header: '支小支农新增金额（元）', kind: 'yuan', width: 22 },
  { header: '支小支农占比', kind: 'rate' },
  { header: '支小支农占比目标（不低于）', kind: 'rate', width: 24 },
  { header: '平均担保费率', kind: 'rate' },
  { header: '平均担保费率目标（不高于）', kind: 'rate', width: 24 },
  { header: '在保余额（元）', kind: 'yuan', width: 20 },
  { header: '解保金额（元）', kind: 'yuan', width: 20 },
  { header: '代偿金额（元）', kind: 'yuan', width: 20 },
  { header: '代偿率', kind: 'rate' },
  { header: '代偿率区间（R7）', kind: 'text', width: 20 },
  { header: '支小支农笔数占比', kind: 'rate' },
  { header: '单户500万元及以下占比', kind: 'rate', width: 22 },
  { header: '单户500万元及以下占比目标（不低于）', kind: 'rate', width: 30 },
  { header: '简单平均担保费率', kind: 'rate' },
];

export const dashboardExport = defineExport<DashboardData, DashboardData['dashboard']>({
  path: '/dashboard.xlsx',
  query: `query ($filter: DashboardFilter) { dashboard(filter: $filter) {
    total { ...s } byMonth { ...s } byRegion { ...s } byInstitution { ...s } byBank { ...s }
    targets { smallAgriShare smallHouseholdShare averageFeeRate } } }
    fragment s on DashboardSlice { ${SLICE} }`,
  variables(req) {
    const filter: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = req.query[key];
      if (typeof value === 'string' && value !== '') filter[key] = value;
    }
    return { filter };
  },
  pick: (data) => data.dashboard,
  fileName: () => 'dashboard.xlsx',
  fill(book, d, req) {
    const title = (what: string) => `聊城市政府性融资担保数据看板 · ${what}（${periodText(req)}，金额单位：元）`;
    const row = (s: Slice) => [
      s.label,
      s.newCount,
      s.newAmount,
      s.smallAgriAmount,
      s.smallAgriShare,
      d.targets.smallAgriShare,
      s.averageFeeRate,
      d.targets.averageFeeRate,
      s.outstandingBalance,
      s.releasedAmount,
      s.compensatedAmount,
      s.compensationRate,
      r7Band(s.compensationRate),
      s.smallAgriCountShare,
      s.smallHouseholdShare,
      d.targets.smallHouseholdShare,
      s.meanFeeRate,
    ];
    addTable(book, '总览', title('总览'), COLUMNS, [row(d.total)]);
    addTable(book, '按月', title('按月'), COLUMNS, d.byMonth.map(row));
    addTable(book, '按区域', title('按区域'), COLUMNS, d.byRegion.map(row));
    addTable(book, '按担保机构', title('按担保机构'), COLUMNS, d.byInstitution.map(row));
    addTable(book, '按合作银行', title('按合作银行'), COLUMNS, d.byBank.map(row));
  },
});
