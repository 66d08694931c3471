import { addTable, chineseDate, type Column } from './export.sheet';
import { defineExport } from './export.types';

interface Tier {
  fromRate: string;
  toRate: string | null;
  ratio: string;
  base: string;
  payout: string;
}

interface Claim {
  id: string;
  year: number;
  status: string;
  paidOn: string | null;
  institution: { name: string };
  quote: { releasedAmount: string; compensatedAmount: string; compensationRate: string | null; payout: string; tiers: Tier[] };
}

const STATUS: Record<string, string> = { SUBMITTED: '已提交，待审核', APPROVED: '审核通过', REJECTED: '审核不通过', PAID: '已拨付' };

const COLUMNS: Column[] = [
  { header: '项目', kind: 'text', width: 28 },
  { header: '代偿率下限', kind: 'rate' },
  { header: '代偿率上限', kind: 'rate' },
  { header: '补偿比例', kind: 'rate' },
  { header: '计算基数（元）', kind: 'yuan', width: 20 },
  { header: '金额（元）', kind: 'yuan', width: 20 },
];

/** 市级风险补偿申请 (R7): the claim's frozen quote, tier by tier. */
export const riskCompensationClaimExport = defineExport<{ riskCompensationClaims: Claim[] }, Claim>({
  path: '/risk-compensation-claims/:id.xlsx',
  query: `{ riskCompensationClaims { id year status paidOn institution { name }
    quote { releasedAmount compensatedAmount compensationRate payout tiers { fromRate toRate ratio base payout } } } }`,
  variables: () => ({}),
  pick: (data, req) => data.riskCompensationClaims.find((c) => c.id === req.params.id) ?? null,
  fileName: (c) => `risk-compensation-claim-${c.year}.xlsx`,
  fill(book, c) {
    const paid = c.paidOn ? `，${chineseDate(c.paidOn)}拨付` : '';
    const title = `${c.institution.name} ${c.year}年度市级风险补偿申请（${STATUS[c.status] ?? c.status}${paid}，金额单位：元）`;
    const q = c.quote;
    addTable(book, '风险补偿', title, COLUMNS, [
      ['年度解保金额', null, null, null, null, q.releasedAmount],
      ['年度代偿金额', null, null, null, null, q.compensatedAmount],
      ['代偿率', null, null, q.compensationRate, null, null],
      ...q.tiers.map((t) => [t.toRate === null ? '超出部分（不予补偿）' : '分档补偿', t.fromRate, t.toRate, t.ratio, t.base, t.payout]),
      ['补偿金额合计', null, null, null, null, q.payout],
    ]);
  },
});
